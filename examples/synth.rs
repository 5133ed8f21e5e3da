//! Writes a synthetic stend project with N offices, for benchmarks (see benches/README.md).
//!
//! ```sh
//! cargo run --release --example synth -- --offices 2000 --out /dev/shm/synth-2000
//! ```
//!
//! The project is the shipped one (`stend.yaml`, `content/`, `themes/`, every `data/*.yaml`)
//! with a generated `data/offices.yaml`: N units spread over about N/60 departments. The first
//! 16 departments are the real ones (names, seats, websites) and the units are spread in the
//! proportions of the real directory (3 to 20 units a department); further departments are
//! invented regions. Names, addresses and phones are plausible Kazakh and Russian: «Қаракөл
//! ауданының ішкі істер бөлімі» / «Отдел внутренних дел Каракольского района», streets named
//! after the usual people, numbers printed `NN-NN-NN`. The output is a pure function of N (a
//! seeded PRNG of our own), so every run of a benchmark builds the same site.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The largest data file the generated project accepts: room for N = 20 000 and more.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

fn main() -> ExitCode {
    let mut offices: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--offices" | "-n" => offices = args.next().and_then(|v| v.parse().ok()),
            "--out" | "-o" => out = args.next().map(PathBuf::from),
            "--help" | "-h" => {
                println!("usage: synth --offices N --out DIR");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("synth: unknown argument `{other}` (usage: synth --offices N --out DIR)");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(n), Some(out)) = (offices, out) else {
        eprintln!("synth: usage: synth --offices N --out DIR (N a whole number)");
        return ExitCode::from(2);
    };
    match write_project(n, &out) {
        Ok(bytes) => {
            println!(
                "synth: wrote {} with {n} units ({} departments), data/offices.yaml {} KB",
                out.display(),
                departments_for(n),
                bytes / 1024
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write_project(n: usize, out: &Path) -> std::io::Result<usize> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(out)?;
    for dir in ["content", "themes", "data"] {
        let target = out.join(dir);
        if target.exists() {
            std::fs::remove_dir_all(&target)?;
        }
    }
    copy_rec(&repo.join("content"), &out.join("content"))?;
    copy_rec(&repo.join("themes"), &out.join("themes"))?;
    std::fs::create_dir_all(out.join("data"))?;
    for e in std::fs::read_dir(repo.join("data"))? {
        let e = e?;
        let name = e.file_name();
        if name != "offices.yaml" && e.path().extension().is_some_and(|x| x == "yaml") {
            std::fs::copy(e.path(), out.join("data").join(&name))?;
        }
    }
    let config = std::fs::read_to_string(repo.join("stend.yaml"))?;
    let mut config: String = config
        .lines()
        .filter(|l| !l.starts_with("max_file_bytes:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let _ = writeln!(
        config,
        "# Added by examples/synth.rs: the generated directory is larger than the default limit.\n\
         max_file_bytes: {MAX_FILE_BYTES}"
    );
    std::fs::write(out.join("stend.yaml"), config)?;
    let yaml = offices_yaml(n);
    std::fs::write(out.join("data/offices.yaml"), &yaml)?;
    Ok(yaml.len())
}

fn copy_rec(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        let mut entries: Vec<_> = std::fs::read_dir(from)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            copy_rec(&e.path(), &to.join(e.file_name()))?;
        }
    } else {
        std::fs::copy(from, to)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- randomness

/// SplitMix64: small, fast, and good enough to make data look varied.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

// ---------------------------------------------------------------- vocabulary

/// A department of the real directory (Appendix 1): its seat and how many units it has.
struct RealDept {
    slug: &'static str,
    kk: &'static str,
    ru: &'static str,
    loc_kk: &'static str,
    loc_ru: &'static str,
    addr_kk: &'static str,
    addr_ru: &'static str,
    website: &'static str,
    units: usize,
}

#[rustfmt::skip]
const REAL: [RealDept; 16] = [
    RealDept { slug: "astana", kk: "Астана қаласының Ішкі істер департаменті", ru: "Департамент внутренних дел города Астаны", loc_kk: "Астана қаласы", loc_ru: "г. Астана", addr_kk: "Астана қаласы, Сейфуллин көшесі, 29", addr_ru: "г. Астана, ул. Сейфуллина, 29", website: "www.ast.dvd.mvd.kz", units: 3 },
    RealDept { slug: "akmola", kk: "Ақмола облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Акмолинской области", loc_kk: "Көкшетау қаласы", loc_ru: "г. Кокшетау", addr_kk: "Көкшетау қаласы, Горький көшесі, 35", addr_ru: "г. Кокшетау, ул. Горького, 35", website: "www.akmdvd.online.kz", units: 18 },
    RealDept { slug: "almaty", kk: "Алматы қаласының Ішкі істер департаменті", ru: "Департамент внутренних дел города Алматы", loc_kk: "Алматы қаласы", loc_ru: "г. Алматы", addr_kk: "Алматы қаласы, Қарасай батыр көшесі, 109а", addr_ru: "г. Алматы, ул. Карасай батыра, 109а", website: "www.almaty.police.kz", units: 7 },
    RealDept { slug: "aktobe", kk: "Ақтөбе облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Актюбинской области", loc_kk: "Ақтөбе қаласы", loc_ru: "г. Актобе", addr_kk: "Ақтөбе қаласы, 312 Атқыштар дивизиясы даңғылы, 5А", addr_ru: "г. Актобе, пр. 312 Стрелковой дивизии, 5А", website: "www.aktobepolice.kz", units: 13 },
    RealDept { slug: "almaty-region", kk: "Алматы облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Алматинской области", loc_kk: "Талдықорған қаласы", loc_ru: "г. Талдыкорган", addr_kk: "Талдықорған қаласы, Жансүгіров көшесі, 91/95", addr_ru: "г. Талдыкорган, ул. Жансугурова, 91/95", website: "www.jetisu-police.kz", units: 19 },
    RealDept { slug: "atyrau", kk: "Атырау облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Атырауской области", loc_kk: "Атырау қаласы", loc_ru: "г. Атырау", addr_kk: "Атырау қаласы, Азаттық даңғылы, 85", addr_ru: "г. Атырау, пр. Азаттык, 85", website: "www.dvd-atyrau.kz", units: 8 },
    RealDept { slug: "east-kazakhstan", kk: "Шығыс Қазақстан облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Восточно-Казахстанской области", loc_kk: "Өскемен қаласы", loc_ru: "г. Усть-Каменогорск", addr_kk: "Өскемен қаласы, Ворошилов көшесі, 1", addr_ru: "г. Усть-Каменогорск, ул. Ворошилова, 1", website: "www.02vko.kz", units: 19 },
    RealDept { slug: "zhambyl", kk: "Жамбыл облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Жамбылской области", loc_kk: "Тараз қаласы", loc_ru: "г. Тараз", addr_kk: "Тараз қаласы, Желтоқсан көшесі, 80", addr_ru: "г. Тараз, ул. Желтоксан, 80", website: "www.tarazpolice.kz", units: 11 },
    RealDept { slug: "west-kazakhstan", kk: "Батыс Қазақстан облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Западно-Казахстанской области", loc_kk: "Орал қаласы", loc_ru: "г. Уральск", addr_kk: "Орал қаласы, Пугачев көшесі, 45", addr_ru: "г. Уральск, ул. Пугачева, 45", website: "www.dvdzko.kz", units: 13 },
    RealDept { slug: "karaganda", kk: "Қарағанды облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Карагандинской области", loc_kk: "Қарағанды қаласы", loc_ru: "г. Караганда", addr_kk: "Қарағанды қаласы, Ермеков көшесі, 118", addr_ru: "г. Караганда, ул. Ермекова, 118", website: "www.krgdvd.kz", units: 17 },
    RealDept { slug: "kyzylorda", kk: "Қызылорда облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Кызылординской области", loc_kk: "Қызылорда қаласы", loc_ru: "г. Кызылорда", addr_kk: "Қызылорда қаласы, Төлебаев көшесі, 39 А", addr_ru: "г. Кызылорда, ул. Тулебаева, 39 А", website: "www.dvdkzo.kz", units: 8 },
    RealDept { slug: "kostanay", kk: "Қостанай облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Костанайской области", loc_kk: "Қостанай қаласы", loc_ru: "г. Костанай", addr_kk: "Қостанай қаласы, Баймағамбетов көшесі, 197", addr_ru: "г. Костанай, ул. Баймагамбетова, 197", website: "www.kostanaypolice.kz", units: 20 },
    RealDept { slug: "mangystau", kk: "Маңғыстау облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Мангистауской области", loc_kk: "Ақтау қаласы", loc_ru: "г. Актау", addr_kk: "Ақтау қаласы, 12-шағын аудан", addr_ru: "г. Актау, мкр. 12", website: "www.mdvd.kz", units: 7 },
    RealDept { slug: "pavlodar", kk: "Павлодар облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Павлодарской области", loc_kk: "Павлодар қаласы", loc_ru: "г. Павлодар", addr_kk: "Павлодар қаласы, Торайғыров көшесі, 70/1", addr_ru: "г. Павлодар, ул. Торайгырова, 70/1", website: "www.dvdpavlodar.kz", units: 13 },
    RealDept { slug: "north-kazakhstan", kk: "Солтүстік Қазақстан облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Северо-Казахстанской области", loc_kk: "Петропавл қаласы", loc_ru: "г. Петропавловск", addr_kk: "Петропавл қаласы, Жұмабаев көшесі, 118", addr_ru: "г. Петропавловск, ул. Жумабаева, 118", website: "www.police.sko.kz", units: 14 },
    RealDept { slug: "south-kazakhstan", kk: "Оңтүстік Қазақстан облысының Ішкі істер департаменті", ru: "Департамент внутренних дел Южно-Казахстанской области", loc_kk: "Шымкент қаласы", loc_ru: "г. Шымкент", addr_kk: "Шымкент қаласы, Желтоқсан көшесі, 13", addr_ru: "г. Шымкент, ул. Желтоксан, 13", website: "www.dvd-uko.kz", units: 15 },
];

/// First parts of place names: (Kazakh, Russian, Latin).
#[rustfmt::skip]
const HEADS: [(&str, &str, &str); 20] = [
    ("Ақ", "Ак", "ak"), ("Қара", "Кара", "kara"), ("Сары", "Сары", "sary"), ("Көк", "Кок", "kok"),
    ("Жаңа", "Жана", "zhana"), ("Ұлы", "Улы", "uly"), ("Бес", "Бес", "bes"), ("Алты", "Алты", "alty"),
    ("Қызыл", "Кызыл", "kyzyl"), ("Ескі", "Ески", "eski"), ("Терең", "Терен", "teren"),
    ("Шұбар", "Шубар", "shubar"), ("Жасыл", "Жасыл", "zhasyl"), ("Бай", "Бай", "bai"),
    ("Талды", "Талды", "taldy"), ("Қайың", "Кайын", "kaiyn"), ("Тас", "Тас", "tas"),
    ("Мая", "Мая", "maia"), ("Күміс", "Кумис", "kumis"), ("Алтын", "Алтын", "altyn"),
];

/// Second parts of place names: (Kazakh, Russian, Latin).
#[rustfmt::skip]
const TAILS: [(&str, &str, &str); 24] = [
    ("көл", "коль", "kol"), ("су", "су", "su"), ("тау", "тау", "tau"), ("төбе", "тобе", "tobe"),
    ("бұлақ", "булак", "bulak"), ("сай", "сай", "sai"), ("құдық", "кудук", "kuduk"),
    ("жар", "жар", "zhar"), ("қорған", "корган", "korgan"), ("өзек", "озек", "ozek"),
    ("шоқы", "шокы", "shoky"), ("ағаш", "агаш", "agash"), ("терек", "терек", "terek"),
    ("арал", "арал", "aral"), ("дала", "дала", "dala"), ("қамыс", "камыс", "kamys"),
    ("тас", "тас", "tas"), ("құм", "кум", "kum"), ("адыр", "адыр", "adyr"), ("бел", "бел", "bel"),
    ("кент", "кент", "kent"), ("өткел", "откель", "otkel"), ("жол", "жол", "zhol"),
    ("ой", "ой", "oi"),
];

/// Streets: (Kazakh name before «көшесі», Russian genitive after «ул.»).
#[rustfmt::skip]
const STREETS: [(&str, &str); 24] = [
    ("Абай", "Абая"), ("Жамбыл", "Жамбыла"), ("Сейфуллин", "Сейфуллина"), ("Әуезов", "Ауэзова"),
    ("Байтұрсынов", "Байтурсынова"), ("Төле би", "Толе би"), ("Қабанбай батыр", "Кабанбай батыра"),
    ("Бөкейхан", "Букейхана"), ("Абылай хан", "Абылай хана"), ("Желтоқсан", "Желтоксан"),
    ("Тәуелсіздік", "Независимости"), ("Бейбітшілік", "Мира"), ("Достық", "Достык"),
    ("Мектеп", "Школьная"), ("Ыбырай Алтынсарин", "Ибрая Алтынсарина"),
    ("Шоқан Уәлиханов", "Чокана Валиханова"), ("Мағжан Жұмабаев", "Магжана Жумабаева"),
    ("Наурыз", "Наурыз"), ("Қонаев", "Кунаева"), ("Сәтбаев", "Сатпаева"), ("Мұстафин", "Мустафина"),
    ("Исатай", "Исатая"), ("Құрманғазы", "Курмангазы"), ("Орталық", "Центральная"),
];

/// A generated place name in the three spellings.
#[derive(Clone)]
struct Place {
    kk: String,
    ru: String,
    latin: String,
}

fn place(rng: &mut Rng) -> Place {
    let (hk, hr, hl) = *rng.pick(&HEADS);
    let (tk, tr, tl) = *rng.pick(&TAILS);
    Place {
        kk: format!("{hk}{tk}"),
        ru: format!("{hr}{tr}"),
        latin: format!("{hl}{tl}"),
    }
}

/// The Russian relative adjective of a place name with the given ending: «Каракольского»,
/// «Карадалинского», «Аршалынского», «Акаральского» (района); «…ской» (области).
fn adjective(ru: &str, masculine: bool) -> String {
    let end = if masculine { "ского" } else { "ской" };
    let mut chars: Vec<char> = ru.chars().collect();
    match chars.last() {
        Some('а' | 'е') => {
            chars.pop();
            format!("{}ин{end}", chars.iter().collect::<String>())
        }
        Some('ы' | 'и') => format!("{ru}н{end}"),
        Some('л') => format!("{ru}ь{end}"),
        _ => format!("{ru}{end}"),
    }
}

fn phone(rng: &mut Rng, city: bool) -> String {
    if city {
        format!(
            "{:02}-{:02}-{:02}",
            20 + rng.below(80),
            rng.below(100),
            rng.below(100)
        )
    } else {
        format!(
            "{}-{:02}-{:02}",
            2 + rng.below(8),
            rng.below(100),
            rng.below(100)
        )
    }
}

fn phones(rng: &mut Rng, city: bool, max_secretariat: usize, max_migration: usize) -> Phones {
    let s = 1 + rng.below(max_secretariat);
    let m = rng.below(max_migration + 1);
    let secretariat: Vec<String> = (0..s).map(|_| phone(rng, city)).collect();
    // Small offices often print one number for both.
    let migration = if m == 0 {
        vec![secretariat[0].clone()]
    } else {
        (0..m).map(|_| phone(rng, city)).collect()
    };
    Phones {
        secretariat,
        migration,
    }
}

fn address(rng: &mut Rng, loc_kk: &str, loc_ru: &str) -> (String, String) {
    let house = 1 + rng.below(180);
    if rng.chance(12) {
        let block = 1 + rng.below(30);
        return (
            format!("{loc_kk}, {block}-шағын аудан, {house}"),
            format!("{loc_ru}, мкр. {block}, {house}"),
        );
    }
    let (sk, sr) = *rng.pick(&STREETS);
    (
        format!("{loc_kk}, {sk} көшесі, {house}"),
        format!("{loc_ru}, ул. {sr}, {house}"),
    )
}

// ---------------------------------------------------------------- the directory

struct Phones {
    secretariat: Vec<String>,
    migration: Vec<String>,
}

struct Office {
    slug: String,
    number: usize,
    name: (String, String),
    address: (String, String),
    locality: (String, String),
    website: Option<String>,
    dial_code: Option<String>,
    phones: Phones,
    note: Option<(String, String)>,
}

fn departments_for(n: usize) -> usize {
    n.div_ceil(60).max(1)
}

/// How many units each of `d` departments gets: the real directory's proportions, repeated.
fn spread(n: usize, d: usize) -> Vec<usize> {
    let weights: Vec<usize> = (0..d).map(|i| REAL[i % REAL.len()].units).collect();
    let total: usize = weights.iter().sum();
    let mut counts: Vec<usize> = weights.iter().map(|w| n * w / total).collect();
    let mut left = n - counts.iter().sum::<usize>();
    let mut i = 0;
    while left > 0 {
        counts[i % d] += 1;
        left -= 1;
        i += 1;
    }
    counts
}

fn offices_yaml(n: usize) -> String {
    let mut rng = Rng(0x5157_454e_4400_0000 ^ n as u64);
    let d = departments_for(n);
    let counts = spread(n, d);
    let mut dept_slugs = HashSet::new();
    let mut y = String::with_capacity(n * 700 + 4096);
    y.push_str(
        "# yaml-language-server: $schema=../schemas/offices.schema.json\n\
         # Synthetic directory written by examples/synth.rs for benchmarks: not real offices.\n\
         departments:\n",
    );
    for (i, &units) in counts.iter().enumerate() {
        let dept = if let Some(r) = REAL.get(i) {
            dept_slugs.insert(r.slug.to_string());
            Office {
                slug: r.slug.to_string(),
                number: i + 1,
                name: (r.kk.into(), r.ru.into()),
                address: (r.addr_kk.into(), r.addr_ru.into()),
                locality: (r.loc_kk.into(), r.loc_ru.into()),
                website: Some(r.website.into()),
                dial_code: Some(format!("7{}", 110 + rng.below(90))),
                phones: phones(&mut rng, true, 2, 3),
                note: None,
            }
        } else {
            let region = place(&mut rng);
            let seat = place(&mut rng);
            let mut slug = format!("{}-region", region.latin);
            let mut k = 2;
            while !dept_slugs.insert(slug.clone()) {
                slug = format!("{}-region-{k}", region.latin);
                k += 1;
            }
            let locality = (format!("{} қаласы", seat.kk), format!("г. {}", seat.ru));
            let address = address(&mut rng, &locality.0, &locality.1);
            Office {
                website: Some(format!(
                    "www.{}-police.kz",
                    slug.trim_end_matches("-region")
                )),
                slug,
                number: i + 1,
                name: (
                    format!("{} облысының Ішкі істер департаменті", region.kk),
                    format!(
                        "Департамент внутренних дел {} области",
                        adjective(&region.ru, false)
                    ),
                ),
                address,
                locality,
                dial_code: Some(format!("7{}", 110 + rng.below(90))),
                phones: phones(&mut rng, true, 2, 3),
                note: None,
            }
        };
        let _ = writeln!(y, "  # department {}", i + 1);
        write_office(&mut y, &dept, 2);
        if units == 0 {
            continue;
        }
        y.push_str("    units:\n");
        let mut unit_slugs = HashSet::new();
        let mut names = HashSet::new();
        for j in 0..units {
            let city = rng.chance(18);
            // Prefer a name not yet used in this department; after a few tries, accept a repeat
            // (the slug still gets a number to stay unique).
            let mut p = place(&mut rng);
            for _ in 0..8 {
                if !names.contains(&p.latin) {
                    break;
                }
                p = place(&mut rng);
            }
            names.insert(p.latin.clone());
            let base = format!("{}-{}", p.latin, if city { "city" } else { "district" });
            let mut slug = base.clone();
            let mut k = 2;
            while !unit_slugs.insert(slug.clone()) {
                slug = format!("{base}-{k}");
                k += 1;
            }
            let (name, locality) = if city {
                let big = rng.chance(30);
                (
                    if big {
                        (
                            format!("{} қаласының Ішкі істер басқармасы", p.kk),
                            format!("Управление внутренних дел города {}", p.ru),
                        )
                    } else {
                        (
                            format!("{} қаласының ішкі істер бөлімі", p.kk),
                            format!("Отдел внутренних дел города {}", p.ru),
                        )
                    },
                    (format!("{} қаласы", p.kk), format!("г. {}", p.ru)),
                )
            } else {
                // The district's seat: the same name, or another village.
                let seat = if rng.chance(60) {
                    place(&mut rng)
                } else {
                    p.clone()
                };
                (
                    (
                        format!("{} ауданының ішкі істер бөлімі", p.kk),
                        format!("Отдел внутренних дел {} района", adjective(&p.ru, true)),
                    ),
                    (format!("{} ауылы", seat.kk), format!("с. {}", seat.ru)),
                )
            };
            let address = address(&mut rng, &locality.0, &locality.1);
            let note = rng.chance(1).then(|| {
                (
                    "Дереккөзде телефон нөмірі толық басылмаған.".to_string(),
                    "В источнике номер телефона напечатан не полностью.".to_string(),
                )
            });
            let unit = Office {
                slug,
                number: j + 1,
                name,
                address,
                locality,
                website: None,
                dial_code: rng.chance(70).then(|| format!("7{}", 110 + rng.below(90))),
                phones: phones(&mut rng, city, 2, 2),
                note,
            };
            write_office(&mut y, &unit, 6);
        }
    }
    y
}

fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(xs: &[String]) -> String {
    let items: Vec<String> = xs.iter().map(|x| q(x)).collect();
    format!("[{}]", items.join(", "))
}

/// Writes one office as a YAML sequence item, indented by `ind` spaces.
fn write_office(y: &mut String, o: &Office, ind: usize) {
    let pad = " ".repeat(ind);
    let _ = writeln!(y, "{pad}- slug: {}", o.slug);
    let _ = writeln!(y, "{pad}  number: \"{}\"", o.number);
    for (field, (kk, ru)) in [("name", &o.name), ("address", &o.address)] {
        let _ = writeln!(
            y,
            "{pad}  {field}:\n{pad}    kk: {}\n{pad}    ru: {}",
            q(kk),
            q(ru)
        );
    }
    let _ = writeln!(
        y,
        "{pad}  locality: {{kk: {}, ru: {}}}",
        q(&o.locality.0),
        q(&o.locality.1)
    );
    if let Some(w) = &o.website {
        let _ = writeln!(y, "{pad}  website: {}", q(w));
    }
    if let Some(c) = &o.dial_code {
        let _ = writeln!(y, "{pad}  dial_code: \"{c}\"");
    }
    if let Some((kk, ru)) = &o.note {
        let _ = writeln!(
            y,
            "{pad}  note:\n{pad}    kk: {}\n{pad}    ru: {}",
            q(kk),
            q(ru)
        );
    }
    let _ = writeln!(
        y,
        "{pad}  phones:\n{pad}    secretariat: {}\n{pad}    migration: {}",
        list(&o.phones.secretariat),
        list(&o.phones.migration)
    );
}
