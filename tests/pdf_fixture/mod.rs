//! Posters and forms for the PDF tests, filled from the shipped project's data and UI strings
//! (as the build will fill them): every string comes from data/*.yaml or the theme's i18n.
//! Made-up test forms say so in their titles.

#![allow(dead_code)]

use std::sync::OnceLock;
use stend::model::Site;
use stend::model::data::Office;
type Department = Office;
type Unit = Office;
use stend::pdf::*;

pub fn site() -> &'static Site {
    static S: OnceLock<Site> = OnceLock::new();
    S.get_or_init(|| {
        stend::load::load(&super::root(), &super::env_at(super::EPOCH_2026))
            .unwrap_or_else(|e| panic!("load failed:\n{e}"))
    })
}

pub fn fonts() -> &'static Fonts {
    static F: OnceLock<Fonts> = OnceLock::new();
    F.get_or_init(|| {
        let dir = super::root().join("themes/default/fonts");
        let read = |n: &str| std::fs::read(dir.join(n)).expect("theme font");
        Fonts::load(&read("NotoSans-Regular.ttf"), &read("NotoSans-Bold.ttf")).expect("fonts")
    })
}

fn ui(lang: &str, key: &str) -> String {
    site().ui(lang, key).to_string()
}

/// A department and, optionally, one of its units, by slug.
pub fn office(dept: &str, unit: Option<&str>) -> (&'static Department, Option<&'static Unit>) {
    let d = site()
        .data
        .offices
        .departments
        .iter()
        .find(|d| d.slug.value == dept)
        .unwrap_or_else(|| panic!("no department {dept}"));
    let u = unit.map(|u| {
        d.units
            .iter()
            .find(|x| x.slug.value == u)
            .unwrap_or_else(|| panic!("no unit {u} in {dept}"))
    });
    (d, u)
}

/// The office's name, address and phone strings in `lang`, as data/offices.yaml has them.
pub fn office_strings(
    d: &Department,
    u: Option<&Unit>,
    lang: &str,
) -> (String, String, Vec<String>) {
    let (name, address, phones) = match u {
        Some(u) => (&u.name, &u.address, &u.phones),
        None => (&d.name, &d.address, &d.phones),
    };
    let numbers = phones
        .migration
        .iter()
        .chain(&phones.secretariat)
        .map(|p| p.value.clone())
        .collect();
    (
        name.get(lang).to_string(),
        address.get(lang).to_string(),
        numbers,
    )
}

pub fn office_url(d: &Department, u: Option<&Unit>, lang: &str) -> String {
    match u {
        Some(u) => format!(
            "https://www.mvd.kz/{lang}/offices/{}/{}/",
            d.slug.value, u.slug.value
        ),
        None => format!("https://www.mvd.kz/{lang}/offices/{}/", d.slug.value),
    }
}

/// One language's poster for an office.
pub fn poster_column(d: &Department, u: Option<&Unit>, lang: &str) -> Poster {
    let data = &site().data;
    let (name, address, _) = office_strings(d, u, lang);
    let phones = match u {
        Some(u) => &u.phones,
        None => &d.phones,
    };
    let mut lines = Vec::new();
    for (key, list) in [
        ("phones_migration", &phones.migration),
        ("phones_secretariat", &phones.secretariat),
    ] {
        if !list.is_empty() {
            lines.push(PhoneLine {
                label: ui(lang, key),
                numbers: list.iter().map(|p| p.value.clone()).collect(),
            });
        }
    }
    let status = data.service.status.repealed.as_ref().map(|r| {
        let date = r.date.value.dotted();
        format!(
            "{} {}",
            ui(lang, "status_repealed"),
            ui(lang, "status_repealed_detail")
                .replace("{date}", &date)
                .replace("{decree}", &r.decree)
        )
    });
    let as_of = site().as_of.dotted();
    Poster {
        lang: lang.to_string(),
        kicker: ui(lang, "poster_kicker"),
        heading: data.service.name.get(lang).to_string(),
        ministry: data.complaints.ministry.name.get(lang).to_string(),
        status,
        office: OfficeBlock {
            name,
            address,
            phones: lines,
        },
        sections: sections(d, u, lang),
        scan_text: ui(lang, "poster_scan"),
        as_of: ui(lang, "poster_as_of").replace("{date}", &as_of),
    }
}

fn sections(d: &Department, u: Option<&Unit>, lang: &str) -> Vec<Section> {
    let data = &site().data;
    let para = |s: String| Block::Paragraph(s);
    let items = data
        .documents
        .documents
        .iter()
        .map(|doc| ListItem {
            lead: doc.name.get(lang).to_string(),
            rest: doc
                .condition
                .as_ref()
                .map(|c| c.get(lang).to_string())
                .unwrap_or_default(),
        })
        .collect();
    let fee = &data.fee;
    let amount =
        stend::present::fee_amount(fee, site().as_of).map(|(n, _)| stend::present::tenge(n));
    let percent = fee.percent_of_mci.value.to_string();
    let mut fee_blocks: Vec<Block> = amount.into_iter().map(Block::Figure).collect();
    fee_blocks.push(para(ui(lang, "fee_short").replace("{percent}", &percent)));
    let (rows, closed) = stend::present::hours_rows(&data.hours.service.schedule);
    let day = |d: &str| ui(lang, &format!("day_{d}"));
    let mut hours: Vec<ListItem> = rows
        .iter()
        .map(|r| {
            let (first, last) = (r.days[0].code(), r.days[r.days.len() - 1].code());
            let days = if first == last {
                day(first)
            } else {
                format!("{}–{}", day(first), day(last))
            };
            let mut rest = format!("{}–{}", r.open, r.close);
            if let Some((a, b)) = &r.lunch {
                rest = format!("{rest}, {} {a}–{b}", ui(lang, "hours_lunch").to_lowercase());
            }
            ListItem { lead: days, rest }
        })
        .collect();
    hours.extend(closed.iter().map(|c| ListItem {
        lead: day(c.code()),
        rest: ui(lang, "hours_closed"),
    }));
    let terms = &data.service.terms;
    let mut complain = Vec::new();
    if u.is_some() {
        complain.push(para(format!(
            "{}, {}",
            d.name.get(lang),
            d.address.get(lang)
        )));
    }
    let m = &data.complaints.ministry;
    complain.push(para(format!(
        "{}, {}, {}",
        m.name.get(lang),
        m.address.get(lang),
        m.phone.clone().unwrap_or_default()
    )));
    vec![
        Section {
            heading: ui(lang, "q_who"),
            blocks: vec![para(data.service.eligibility.text.get(lang).to_string())],
            wide: false,
        },
        Section {
            heading: ui(lang, "q_time"),
            blocks: vec![
                para(ui(lang, "term_short").replace("{days}", &terms.processing_days.to_string())),
                para(ui(lang, "poster_wait").replace("{min}", &terms.max_wait_minutes.to_string())),
            ],
            wide: false,
        },
        Section {
            heading: ui(lang, "documents_title"),
            blocks: vec![Block::List {
                numbered: true,
                items,
            }],
            wide: true,
        },
        Section {
            heading: ui(lang, "q_cost"),
            blocks: fee_blocks,
            wide: false,
        },
        Section {
            heading: ui(lang, "hours_service"),
            blocks: vec![Block::List {
                numbered: false,
                items: hours,
            }],
            wide: false,
        },
        Section {
            heading: ui(lang, "poster_complain"),
            blocks: complain,
            wide: true,
        },
    ]
}

/// The poster of an office on `paper`; `bilingual` puts Kazakh and Russian side by side.
pub fn poster_doc(
    d: &Department,
    u: Option<&Unit>,
    lang: &str,
    paper: Paper,
    bilingual: bool,
) -> PosterDoc {
    let langs: Vec<&str> = if bilingual {
        vec!["kk", "ru"]
    } else {
        vec![lang]
    };
    let url = office_url(d, u, lang);
    let (name, _, _) = office_strings(d, u, lang);
    PosterDoc {
        paper,
        title: format!(
            "{} — {name}",
            ui(
                lang,
                if bilingual {
                    "poster_bilingual"
                } else {
                    "poster"
                }
            )
        ),
        columns: langs.iter().map(|l| poster_column(d, u, l)).collect(),
        short_url: url.trim_start_matches("https://").to_string(),
        qr_url: url,
    }
}

/// The complaint receipt (Appendix 4, 75 × 55 mm), optionally pre-printed with an office.
pub fn complaint_receipt(lang: &str, header: Option<String>) -> Form {
    let f = &site().data.forms.complaint_receipt;
    let text = |s: &str, e: Emphasis| Part::Text {
        text: s.to_string(),
        align: Align::Left,
        emphasis: e,
    };
    Form {
        lang: lang.to_string(),
        header,
        parts: vec![
            text(f.header_note.get(lang), Emphasis::Small),
            text(f.title.get(lang), Emphasis::Bold),
            Part::Field {
                caption: f.subject_caption.get(lang).to_string(),
            },
            text(f.accepted_by.get(lang), Emphasis::Normal),
            Part::Field {
                caption: f.specialist_caption.get(lang).to_string(),
            },
            text(f.date_line.get(lang), Emphasis::Normal),
        ],
    }
}

/// The document receipt (Appendix 2, A5), optionally pre-printed with an office.
pub fn document_receipt(lang: &str, header: Option<String>) -> Form {
    let data = &site().data;
    let f = &data.forms.document_receipt;
    let text = |s: String, a: Align, e: Emphasis| Part::Text {
        text: s,
        align: a,
        emphasis: e,
    };
    let appendix = ui(lang, "appendix_header")
        .replace("{name}", data.service.name.get(lang))
        .replace("{n}", "2");
    Form {
        lang: lang.to_string(),
        header,
        parts: vec![
            text(appendix, Align::Right, Emphasis::Small),
            text(
                f.before_applicant.get(lang).to_string(),
                Align::Center,
                Emphasis::Normal,
            ),
            Part::Field {
                caption: f.applicant_caption.get(lang).to_string(),
            },
            text(
                f.after_applicant.get(lang).to_string(),
                Align::Center,
                Emphasis::Normal,
            ),
            text(
                format!("{} ____ {}", f.number_label.get(lang), f.title.get(lang)),
                Align::Center,
                Emphasis::Title,
            ),
            text(
                f.list_title.get(lang).to_string(),
                Align::Left,
                Emphasis::Bold,
            ),
            Part::Lines {
                count: f.list_lines,
                numbered: true,
            },
            Part::Lines {
                count: f.extra_lines,
                numbered: false,
            },
            text(
                f.accepted_by.get(lang).to_string(),
                Align::Left,
                Emphasis::Bold,
            ),
            Part::Signature {
                captions: [&f.position_caption, &f.signature_caption, &f.name_caption]
                    .iter()
                    .map(|c| c.get(lang).to_string())
                    .collect(),
            },
            text(
                f.date_line.get(lang).to_string(),
                Align::Left,
                Emphasis::Normal,
            ),
            text(
                f.issued.get(lang).to_string(),
                Align::Left,
                Emphasis::Normal,
            ),
        ],
    }
}

/// The quality indicators table (Appendix 3, A4): a table part with named rows.
pub fn quality_form(lang: &str) -> Form {
    let q = &site().data.quality;
    let rows = q
        .groups
        .iter()
        .flat_map(|g| {
            std::iter::once(vec![format!("{}. {}", g.number, g.name.get(lang))]).chain(
                g.indicators
                    .iter()
                    .map(|i| vec![format!("{}. {}", i.number, i.name.get(lang))]),
            )
        })
        .collect();
    Form {
        lang: lang.to_string(),
        header: None,
        parts: vec![
            Part::Text {
                text: q.title.get(lang).to_string(),
                align: Align::Center,
                emphasis: Emphasis::Title,
            },
            Part::Table {
                columns: q.columns.iter().map(|c| c.get(lang).to_string()).collect(),
                rows,
            },
        ],
    }
}

pub fn single(paper: Paper, title: &str, form: Form) -> FormDoc {
    FormDoc {
        paper,
        title: title.to_string(),
        forms: vec![form],
        split: Split::SideBySide,
    }
}

/// A header for an office's copy of a receipt: name and address.
pub fn header_of(d: &Department, u: Option<&Unit>, lang: &str) -> String {
    let (name, address, _) = office_strings(d, u, lang);
    format!("{name}, {address}")
}
