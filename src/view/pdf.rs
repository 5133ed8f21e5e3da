//! What goes on each printable PDF: the mapping from the data model to the PDF engine's
//! documents ([`crate::pdf::PosterDoc`], [`crate::pdf::FormDoc`]) for every poster variant and
//! every blank, bilingual and per-office form, with the sheet each is printed on.
//!
//! This module owns that mapping and nothing else: layout belongs to `crate::pdf`, routes to
//! `crate::routes`. Every string comes from `data/*.yaml` or the theme's UI strings
//! (`site.ui(lang, key)`); none is invented here, so a translation or a data edit reaches the
//! paper exactly as it reaches the HTML page.

use super::office::{qr_url, resolve};
use crate::model::data::Office;
use crate::model::{Edition, Site};
use crate::page::{OfficeRef, Page, PageKind};
use crate::pdf::*;

/// The document one printable page is also published as.
#[derive(Debug, Clone, PartialEq)]
pub enum Doc {
    Poster(PosterDoc),
    Form(FormDoc),
}

impl Doc {
    pub fn paper(&self) -> Paper {
        match self {
            Doc::Poster(p) => p.paper,
            Doc::Form(f) => f.paper,
        }
    }

    /// A fingerprint of everything the PDF's bytes are made from: the engine, the fonts and
    /// the whole document (its `Debug` form names every field). `None` when the engine cannot
    /// be identified.
    pub fn recipe(&self, fonts: &Fonts) -> Option<u64> {
        let engine = crate::pdf::engine_id()?;
        Some(crate::util::hash::of(&(
            engine,
            fonts.id(),
            format!("{self:?}"),
        )))
    }

    /// The PDF's bytes.
    pub fn write(&self, fonts: &Fonts) -> Result<Vec<u8>, PdfError> {
        match self {
            Doc::Poster(p) => crate::pdf::poster(p, fonts),
            Doc::Form(f) => crate::pdf::form(f, fonts),
        }
    }
}

/// The complaint receipt's size (Appendix 4: 75 × 55 mm); two copies stack on 75 × 110 mm.
pub const COMPLAINT_RECEIPT: Paper = Paper::Mm {
    width: 75.0,
    height: 55.0,
};
const COMPLAINT_PAIR: Paper = Paper::Mm {
    width: 75.0,
    height: 110.0,
};

/// The sheet of a poster variant (one of `routes::POSTER_VARIANTS`): the bilingual poster
/// needs A3 to keep its type at 10 pt or more.
pub fn poster_paper(variant: &str) -> Paper {
    match variant {
        "" => Paper::A4,
        _ => Paper::A3,
    }
}

/// The sheet of a form (a name of `routes::FORMS`), one copy or the bilingual pair.
pub fn form_paper(form: &str, bilingual: bool) -> Paper {
    match (form, bilingual) {
        ("complaint-receipt", false) => COMPLAINT_RECEIPT,
        ("complaint-receipt", true) => COMPLAINT_PAIR,
        ("document-receipt", false) => Paper::A5,
        ("document-receipt", true) => Paper::A4Landscape,
        _ => Paper::A4,
    }
}

/// The PDF of a printable page: the name of its file (`poster`, or the form's name), the
/// document, and the route of the page whose folder holds it.
pub struct Printable {
    pub name: &'static str,
    pub doc: Doc,
    /// The page the PDF lies beside: the page itself, or for a bilingual printable the same
    /// printable in its owner language (`Site::bilingual_owner`), which every language showing
    /// the same pair links. Its document is then that language's (title, QR code).
    pub home: String,
    /// Whether pages of other languages link this same PDF.
    pub shared: bool,
}

/// The PDF of a printable page, or `None` for a page that has none.
pub fn doc_of(site: &Site, ed: &Edition, page: &Page) -> Option<Printable> {
    let page_lang = page.lang.as_deref().unwrap_or(site.default_language());
    let bilingual = matches!(
        page.kind,
        PageKind::BilingualForm { .. }
            | PageKind::Receipt {
                bilingual: true,
                ..
            }
            | PageKind::Poster {
                variant: "bilingual",
                ..
            }
    );
    let owner = if bilingual {
        site.bilingual_owner(page_lang)
    } else {
        page_lang.to_string()
    };
    let shared = bilingual
        && site
            .languages()
            .iter()
            .filter(|l| site.bilingual_owner(l) == owner)
            .count()
            > 1;
    let (lang, title, home) = if owner == page_lang {
        (page_lang, page.title.clone(), page.route.clone())
    } else {
        let home = page.alternates.iter().find(|a| a.lang == owner)?;
        (
            owner.as_str(),
            crate::page::printable_title(site, &owner, &page.kind)?,
            home.route.clone(),
        )
    };
    let (name, doc) = match &page.kind {
        PageKind::Poster { office, variant } => (
            "poster",
            Doc::Poster(poster_doc(site, ed, *office, lang, variant, title)),
        ),
        PageKind::Form { form } => (
            *form,
            Doc::Form(form_doc(site, None, form, false, lang, title)?),
        ),
        PageKind::BilingualForm { form } => (
            *form,
            Doc::Form(form_doc(site, None, form, true, lang, title)?),
        ),
        PageKind::Receipt {
            office,
            form,
            bilingual,
        } => (
            *form,
            Doc::Form(form_doc(
                site,
                Some(*office),
                form,
                *bilingual,
                lang,
                title,
            )?),
        ),
        _ => return None,
    };
    Some(Printable {
        name,
        doc,
        home,
        shared,
    })
}

/// A sheet as a page names it: the ISO name (`A4`), or its millimetres with the theme's unit
/// (`75 × 55 мм`).
pub fn paper_label(site: &Site, lang: &str, paper: Paper) -> String {
    match paper {
        Paper::A4 | Paper::A4Landscape => "A4".into(),
        Paper::A3 => "A3".into(),
        Paper::A5 => "A5".into(),
        Paper::Mm { width, height } => {
            format!("{width} × {height} {}", site.ui(lang, "unit_mm"))
        }
    }
}

/// The poster of an office; the bilingual variant puts every language side by side.
pub fn poster_doc(
    site: &Site,
    ed: &Edition,
    o: OfficeRef,
    lang: &str,
    variant: &str,
    title: String,
) -> PosterDoc {
    let langs: Vec<String> = if variant == "bilingual" {
        site.printable_languages(lang)
    } else {
        vec![lang.to_string()]
    };
    let url = qr_url(site, ed, o, lang);
    PosterDoc {
        paper: poster_paper(variant),
        title,
        columns: langs.iter().map(|l| poster_column(site, o, l)).collect(),
        short_url: url
            .trim_start_matches("https://")
            .trim_start_matches("http://")
            .to_string(),
        qr_url: url,
    }
}

/// A form: blank (`office` = `None`) or pre-printed with an office, one copy in `lang` or
/// every language's copy on one sheet. `None` for a form name the engine has no design for.
pub fn form_doc(
    site: &Site,
    office: Option<OfficeRef>,
    form: &str,
    bilingual: bool,
    lang: &str,
    title: String,
) -> Option<FormDoc> {
    let langs: Vec<String> = if bilingual {
        site.printable_languages(lang)
    } else {
        vec![lang.to_string()]
    };
    let header = |l: &str| office.map(|o| header_of(site, o, l));
    let forms = langs
        .iter()
        .map(|l| match form {
            "complaint-receipt" => Some(complaint_receipt(site, l, header(l))),
            "document-receipt" => Some(document_receipt(site, l, header(l))),
            "quality-indicators" => quality_form(site, l),
            _ => None,
        })
        .collect::<Option<Vec<Form>>>()?;
    Some(FormDoc {
        paper: form_paper(form, bilingual),
        title,
        forms,
        split: if form == "complaint-receipt" {
            Split::Stacked
        } else {
            Split::SideBySide
        },
    })
}

fn ui(site: &Site, lang: &str, key: &str) -> String {
    site.ui(lang, key).to_string()
}

fn office_of(site: &Site, o: OfficeRef) -> (&Office, Option<&Office>, &Office) {
    let (d, u) = resolve(site, o);
    (d, u, u.unwrap_or(d))
}

/// A header for an office's copy of a receipt: name and address.
pub fn header_of(site: &Site, o: OfficeRef, lang: &str) -> String {
    let (_, _, office) = office_of(site, o);
    format!("{}, {}", office.name.get(lang), office.address.get(lang))
}

/// One language's poster for an office.
pub fn poster_column(site: &Site, o: OfficeRef, lang: &str) -> Poster {
    let data = &site.data;
    let (_, _, office) = office_of(site, o);
    let mut lines = Vec::new();
    for (key, list) in [
        ("phones_migration", &office.phones.migration),
        ("phones_secretariat", &office.phones.secretariat),
    ] {
        if !list.is_empty() {
            lines.push(PhoneLine {
                label: ui(site, lang, key),
                numbers: list.iter().map(|p| p.value.clone()).collect(),
            });
        }
    }
    let status = data.service.status.repealed.as_ref().map(|r| {
        format!(
            "{} {}",
            ui(site, lang, "status_repealed"),
            ui(site, lang, "status_repealed_detail")
                .replace("{date}", &r.date.value.dotted())
                .replace("{decree}", &r.decree)
        )
    });
    Poster {
        lang: lang.to_string(),
        kicker: ui(site, lang, "poster_kicker"),
        heading: data.service.name.get(lang).to_string(),
        ministry: data.complaints.ministry.name.get(lang).to_string(),
        status,
        office: OfficeBlock {
            name: office.name.get(lang).to_string(),
            address: office.address.get(lang).to_string(),
            phones: lines,
        },
        sections: sections(site, o, lang),
        scan_text: ui(site, lang, "poster_scan"),
        as_of: ui(site, lang, "poster_as_of").replace("{date}", &site.as_of.dotted()),
    }
}

fn text(s: String, align: Align, emphasis: Emphasis) -> Part {
    Part::Text {
        text: s,
        align,
        emphasis,
    }
}

/// The complaint receipt (Appendix 4, 75 × 55 mm), optionally pre-printed with an office.
pub fn complaint_receipt(site: &Site, lang: &str, header: Option<String>) -> Form {
    let f = &site.data.forms.complaint_receipt;
    let t = |s: &crate::model::Text, e| text(s.get(lang).to_string(), Align::Left, e);
    Form {
        lang: lang.to_string(),
        header,
        parts: vec![
            t(&f.header_note, Emphasis::Small),
            t(&f.title, Emphasis::Bold),
            Part::Field {
                caption: f.subject_caption.get(lang).to_string(),
            },
            t(&f.accepted_by, Emphasis::Normal),
            Part::Field {
                caption: f.specialist_caption.get(lang).to_string(),
            },
            t(&f.date_line, Emphasis::Normal),
        ],
    }
}

/// The document receipt (Appendix 2, A5), optionally pre-printed with an office.
pub fn document_receipt(site: &Site, lang: &str, header: Option<String>) -> Form {
    let data = &site.data;
    let f = &data.forms.document_receipt;
    let t = |s: &crate::model::Text, a, e| text(s.get(lang).to_string(), a, e);
    let appendix = ui(site, lang, "appendix_header")
        .replace("{name}", data.service.name.get(lang))
        .replace("{n}", "2");
    Form {
        lang: lang.to_string(),
        header,
        parts: vec![
            text(appendix, Align::Right, Emphasis::Small),
            t(&f.before_applicant, Align::Center, Emphasis::Normal),
            Part::Field {
                caption: f.applicant_caption.get(lang).to_string(),
            },
            t(&f.after_applicant, Align::Center, Emphasis::Normal),
            text(
                format!("{} ____ {}", f.number_label.get(lang), f.title.get(lang)),
                Align::Center,
                Emphasis::Title,
            ),
            t(&f.list_title, Align::Left, Emphasis::Bold),
            Part::Lines {
                count: f.list_lines,
                numbered: true,
            },
            Part::Lines {
                count: f.extra_lines,
                numbered: false,
            },
            t(&f.accepted_by, Align::Left, Emphasis::Bold),
            Part::Signature {
                captions: [&f.position_caption, &f.signature_caption, &f.name_caption]
                    .iter()
                    .map(|c| c.get(lang).to_string())
                    .collect(),
            },
            t(&f.date_line, Align::Left, Emphasis::Normal),
            t(&f.issued, Align::Left, Emphasis::Normal),
        ],
    }
}

/// The quality indicators table (Appendix 3, A4): a table part with named rows; `None` for a
/// standard without one.
pub fn quality_form(site: &Site, lang: &str) -> Option<Form> {
    let q = site.data.quality.as_ref()?;
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
    Some(Form {
        lang: lang.to_string(),
        header: None,
        parts: vec![
            text(
                q.title.get(lang).to_string(),
                Align::Center,
                Emphasis::Title,
            ),
            Part::Table {
                columns: q.columns.iter().map(|c| c.get(lang).to_string()).collect(),
                rows,
            },
        ],
    })
}

/// The poster's sections, in the order a reader asks: who, how long, what to bring, what it
/// costs, when, and where to complain.
fn sections(site: &Site, o: OfficeRef, lang: &str) -> Vec<Section> {
    let data = &site.data;
    let t = |k: &str| ui(site, lang, k);
    let para = Block::Paragraph;
    let terms = &data.service.terms;
    let section = |heading: String, blocks: Vec<Block>, wide: bool| Section {
        heading,
        blocks,
        wide,
    };
    vec![
        section(
            t("q_who"),
            vec![para(data.service.eligibility.text.get(lang).to_string())],
            false,
        ),
        section(
            t("q_time"),
            std::iter::once(para(t("term_short").replace(
                "{term}",
                &super::facts::say_term(site, lang, &terms.processing),
            )))
            .chain(terms.max_wait.as_ref().map(|w| {
                para(t("poster_wait").replace("{term}", &super::facts::say_term(site, lang, w)))
            }))
            .collect(),
            false,
        ),
        section(t("documents_title"), vec![documents(site, lang)], true),
        section(t("q_cost"), fee(site, lang), false),
        section(t("hours_service"), vec![hours(site, lang)], false),
        section(t("poster_complain"), complain(site, o, lang), true),
    ]
}

fn documents(site: &Site, lang: &str) -> Block {
    let items = site
        .data
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
    Block::List {
        numbered: true,
        items,
    }
}

fn fee(site: &Site, lang: &str) -> Vec<Block> {
    use crate::model::data::FeeBasis;
    let fee = &site.data.fee;
    let kind = fee.kind.as_ref().map_or("", |k| k.get(lang));
    let Some(basis) = fee.basis() else {
        return Vec::new();
    };
    let amount = match basis {
        FeeBasis::Free => Some(ui(site, lang, "fee_free")),
        _ => crate::present::fee_amount(fee, site.as_of).map(crate::present::tenge),
    };
    let mut blocks: Vec<Block> = amount.into_iter().map(Block::Figure).collect();
    match basis {
        FeeBasis::PercentOfMci(percent) => blocks.push(Block::Paragraph(
            ui(site, lang, "fee_short")
                .replace("{kind}", kind)
                .replace("{percent}", &percent.to_string()),
        )),
        FeeBasis::Tenge(_) => blocks.push(Block::Paragraph(
            ui(site, lang, "fee_fixed_short").replace("{kind}", kind),
        )),
        FeeBasis::Free => {}
    }
    blocks
}

fn hours(site: &Site, lang: &str) -> Block {
    let t = |k: &str| ui(site, lang, k);
    let (rows, closed) = crate::present::hours_rows(&site.data.hours.service.schedule);
    let day = |d: &str| t(&format!("day_{d}"));
    let mut items: Vec<ListItem> = rows
        .iter()
        .filter_map(|r| {
            let (first, last) = (r.days.first()?.code(), r.days.last()?.code());
            let days = if first == last {
                day(first)
            } else {
                format!("{}–{}", day(first), day(last))
            };
            let mut rest = format!("{}–{}", r.open, r.close);
            if let Some((a, b)) = &r.lunch {
                rest = format!("{rest}, {} {a}–{b}", t("hours_lunch").to_lowercase());
            }
            Some(ListItem { lead: days, rest })
        })
        .collect();
    items.extend(closed.iter().map(|c| ListItem {
        lead: day(c.code()),
        rest: t("hours_closed"),
    }));
    Block::List {
        numbered: false,
        items,
    }
}

/// Where to complain: a unit's department first, then the ministry.
fn complain(site: &Site, o: OfficeRef, lang: &str) -> Vec<Block> {
    let (d, u, _) = office_of(site, o);
    let mut out = Vec::new();
    if u.is_some() {
        out.push(Block::Paragraph(format!(
            "{}, {}",
            d.name.get(lang),
            d.address.get(lang)
        )));
    }
    let m = &site.data.complaints.ministry;
    out.push(Block::Paragraph(format!(
        "{}, {}, {}",
        m.name.get(lang),
        m.address.get(lang),
        m.phone.clone().unwrap_or_default()
    )));
    out
}
