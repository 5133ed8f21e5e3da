# stend's messages in English: errors, warnings, hints and summaries.
# Each message id is used in the Rust code (src/), with the same arguments in every language.

## Labels and counts
label-error = error
label-warning = warning
label-field = field
label-help = help
count-problems = { $count ->
        [one] 1 problem
       *[other] { $count } problems
    }
count-files = { $count ->
        [one] 1 file
       *[other] { $count } files
    }
count-warnings = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
count-in-files = { $problems } in { $files }
summary-build-failed = { $problems } in { $files }; nothing was written
summary-check-failed = check found { $problems } in { $files }

## Field paths, as people read them
field-name = `{ $name }`
field-of = { $inner } of { $outer }
field-named-department = department `{ $slug }`
field-nth-item = the { $nth } { $noun }
field-nth-entry = the { $nth } entry of `{ $list }`

## Builds and output directories
build-edition = the edition `{ $slug }`
build-ministry = the ministry's site
build-all-editions = all editions
build-other = `{ $build }`
out-not-a-directory = the output path exists and is not a directory
out-not-stends = refusing to replace a directory that stend did not write (no { $marker } file in it); choose another --out or empty it
out-other-build = refusing to replace { $there } with { $ours }; choose another --out, or pass --force to replace it
out-escapes = refusing to write outside the output directory
out-no-name = the output path has no directory name

## Slugs
slug-empty-why = it is empty
slug-too-long = it is longer than 80 characters
slug-hyphen-ends = it starts or ends with a hyphen
slug-bad-chars = only lowercase ASCII letters, digits and hyphens are allowed

## Content files
content-dir-missing = the content/ directory is missing
content-translation-missing = the `{ $lang }` translation of this page is missing
hint-create-file = create { $path }
content-not-markdown = only Markdown files (.md) belong in content/
hint-content-not-markdown = put images and other files in the theme's static/ directory
content-not-a-language = content files live in content/<language>/, and `{ $lang }` is not a language of this site
hint-languages-are = the languages are: { $languages }
content-bad-name = `{ $name }` cannot be part of a URL: { $why }
hint-content-bad-name = name content files with lowercase ASCII letters, digits and hyphens
front-missing = the file does not start with front matter
hint-front-missing = start the file with a line `---`, the YAML fields (title, description, …), and another `---`
front-not-closed = the front matter is not closed
hint-front-not-closed = add a line `---` after the last front matter field
front-empty = the front matter is empty
hint-front-empty = give at least `title` and `description`
field-empty = `{ $name }` is empty
hint-write-title = write the page's heading and the browser tab's title
hint-write-description = write the page's summary for search engines and link previews

## Reading files
cannot-read = cannot read: { $why }
file-not-found = file not found
size-bytes = { $count ->
        [one] 1 byte
       *[other] { $count } bytes
    }
file-too-large = the file is { $size }, over the limit of { $limit }
hint-file-too-large = check that this is the file you meant; if it is, split the data or raise `max_file_bytes` in stend.yaml
file-not-utf8 = the file is not valid UTF-8 (byte { $byte } here)
hint-file-not-utf8 = the file was probably saved in a legacy encoding such as Windows-1251; save it as UTF-8 (Notepad: Save As → Encoding: UTF-8)
symlink-to-directory = symbolic links to directories are not followed
hint-symlink-to-directory = copy the files into the project instead
symlink-outside = symbolic link to `{ $target }` leads outside the project
hint-symlink-outside = stend reads only files inside the project; copy the file in instead
symlink-nowhere = symbolic link to `{ $target }` leads nowhere
hint-symlink-nowhere = remove the link, or copy the file it meant into the project

## The project file and the theme
no-config = no stend.yaml in `{ $dir }`
hint-no-config = run stend in the project directory, or pass --root DIR
hint-languages-empty = list at least one language, the default first
not-a-language-code = `{ $code }` is not a language code
hint-language-code = use a two- or three-letter lowercase ISO 639 code such as `kk` or `ru`, with a script for a derived language (`kk-Latn`)
language-twice = language `{ $code }` is listed twice
base-url-not-absolute = `base_url` must be an absolute http(s) URL
not-a-date = `{ $value }` is not a date
hint-date-format = write the date as YYYY-MM-DD
epoch-not-a-number = SOURCE_DATE_EPOCH=`{ $value }` is not a number of seconds
theme-not-found = theme `{ $theme }` not found in themes/
theme-no-templates = the theme has no templates
ui-strings-missing = the UI strings for `{ $lang }` are missing
hint-ui-strings-missing = copy another language's file and translate it
ui-string-missing = UI string `{ $key }` is missing
hint-ui-string-after = { $at } has it; add its translation after `{ $prev }`
hint-ui-string-here = { $at } has it; add its translation here

## Reading YAML
yaml-empty = the file is empty
hint-yaml-empty = a data file must hold a YAML mapping; see README.md for its format
yaml-alias-bomb = the aliases (`*name`) in this file expand to more than { $limit } values
hint-yaml-alias-bomb = this looks like an alias bomb ("billion laughs"); data files need no anchors or aliases: write the values out
yaml-too-deep = the data is nested more than { $depth } levels deep
hint-yaml-too-deep = data files need a few levels at most; look for unclosed brackets `[` `{"{"}` or runaway indentation
yaml-too-many-values = the file holds too many values to be a data file
hint-yaml-too-big = split the data, or check that the file is the one you meant
yaml-texts-too-big = the texts in this file add up to more than 64 MiB
yaml-limit = the file exceeds a parsing limit ({ $limit })
hint-yaml-limit = write the data out plainly, as in the shipped data files
kind = { $kind ->
        [unsigned] a whole number (0 or more)
        [integer] a whole number
        [number] a number
        [bool] `true` or `false`
        [null] nothing (null)
       *[other] a value of another type
    }
expected-found = expected { $kind }, found `{ $found }`
expected = expected { $kind }
expected-mapping = expected a mapping here (`key: value` lines, or `{"{"}key: value{"}"}`)
expected-list = expected a list here (`- item` lines, or `[a, b]`)
expected-text = expected a single text here
expected-here = expected { $what } here
expected-text-found = expected a text, found `{ $found }`, which YAML reads as { $kind }
hint-quote = write it in quotes: "{ $found }"
yaml-several-documents = the file holds more than one YAML document
hint-yaml-several-documents = a data file is one document: remove the `---` line (or the text after it)
key-twice = `{ $key }` is given twice in the same mapping
some-key-twice = a key is given twice in the same mapping
hint-key-first-on = it is first given on line { $line }; keep one of the two
hint-keep-one = keep one of the two
yaml-unknown-anchor = this alias (`*name`) refers to no anchor (`&name`) before it
hint-yaml-unknown-anchor = data files need no anchors or aliases: write the value out
yaml-syntax = { $detail }
hint-yaml-syntax = this is a YAML syntax error: check the indentation, quotes and brackets on this line and the lines above it
field-missing = required field `{ $name }` is missing
hint-add-field-to-file = add `{ $name }:` to the file; README.md (Data files) says what it holds
hint-add-field-here = add `{ $name }:` to this mapping; README.md (Data files) says what it holds
field-unknown = unknown field `{ $name }`
hint-did-you-mean = did you mean `{ $name }`?
hint-fields-allowed = the fields allowed here are: { $fields }
hint-no-fields = this mapping takes no fields
text-expected = invalid type: { $found }, expected one text per language, { $example }
text-single = expected one text per language, { $example }, found a single text
translation-missing = the `{ $lang }` translation is missing
translation-empty = the `{ $lang }` translation is empty; if the value is unknown, leave the whole field out
translation-not-a-language = `{ $lang }` is not a language of this site (stend.yaml lists: { $languages })
hint-translations = every human-readable value needs one entry per language listed in stend.yaml
not-a-time = `{ $value }` is not a time of day
hint-time-format = write times as HH:MM on the 24-hour clock, from 00:00 to 23:59
not-a-day = `{ $value }` is not a day
hint-day-format = use mon, tue, wed, thu, fri, sat or sun
hint-dates-format = write dates as YYYY-MM-DD

## Rules of the data
department-slug-twice = department slug `{ $slug }` is already used by the { $nth } department, on line { $line }
hint-department-slug-twice = every department needs its own slug: it is its URL
unit-slug-twice = unit slug `{ $slug }` is already used by the { $nth } unit of department `{ $department }`, on line { $line }
hint-unit-slug-twice = units of one department need distinct slugs
unit-has-units = a unit cannot have units of its own
hint-unit-has-units = list every unit of a department directly under the department's `units`
slug-empty = the slug is empty
slug-invalid = `{ $slug }` is not a valid slug: { $why }
hint-slug = slugs become URLs: use lowercase ASCII letters, digits and hyphens, e.g. `esil-district`
not-a-website = `{ $value }` is not a web or e-mail address
hint-website = write the addresses as the standard prints them: `www.mvd.kz`, `https://www.gov.kz/…` or `dvd@mail.kz`, several separated by commas; no other scheme
not-a-dial-code = `{ $value }` is not a telephone area code
hint-dial-code = write the area code digits only, e.g. `7172`
not-a-phone = `{ $value }` is not a telephone number
hint-phone = write the number as printed, with digits, hyphens, spaces and brackets only
day-twice = `{ $day }` already has hours in { $row }, on line { $line }
close-before-open = closing time { $close } is not after opening time { $open }
break-ends-first = the break ends ({ $end }) before it starts ({ $start })
break-outside-hours = the break { $start }–{ $end } is outside the opening hours { $open }–{ $close }
hint-break-outside-hours = a break must start after opening and end before closing
fee-implausible = { $percent } is not a plausible percentage of the index
hint-fee-implausible = write the percentage the standard gives: a number above 0 and at most 1000 (100 is the whole index)
fee-basis-none = the fee says neither `percent_of_mci`, `tenge` nor `free: true`
fee-basis-several = the fee is given both as `{ $first }` and as `{ $second }`
fee-free-false = `free: false` does not say what the fee is
hint-fee-basis = give exactly one: `percent_of_mci: 100` (a percentage of the monthly calculation index, with the index table `mci`), `tenge: 5000` (a fixed amount) or `free: true` (free of charge)
fee-needs-kind = a fee given as `{ $basis }` needs `kind`: what the payment is called, e.g. «государственная пошлина»
fee-needs-legal-basis = a fee given as `{ $basis }` needs `legal_basis`: the law it is charged under
fee-mci-missing = a percentage of the index needs the index table `mci`
hint-fee-mci-missing = add `mci:` with the index by the date it came into force, from the republican budget laws, e.g. `- {"{"}from: "2026-01-01", tenge: 4325{"}"}`
fee-tenge-implausible = { $tenge } tenge is not a plausible fee
hint-fee-tenge-implausible = a fixed fee is a whole number of tenge above 0 and at most 100 000 000
term-zero = a term cannot be 0
hint-term-zero = write the number of units the standard gives, with its `unit`: `calendar_days`, `working_days`, `hours` or `minutes`
mci-not-ascending = { $date } is not after the previous row's date { $previous }
hint-mci-not-ascending = keep the index table in ascending order of date, one row per change
mci-implausible = { $tenge } tenge is not a plausible index value
mci-none-in-force = no index value is in force on the as-of date { $as_of }
hint-mci-none-in-force = add a row to `mci` with a `from` date on or before the as-of date, or set `as_of` in stend.yaml
document-id-twice = document id `{ $id }` is already used by the { $nth } document, on line { $line }
template-missing = template `{ $template }` does not exist
hint-templates-dir = templates are files in { $dir }/templates/
edition-not-a-department = edition `{ $slug }` is not a department slug
hint-edition-keys = edition keys are the `slug`s of departments in data/offices.yaml

## Editions, templates, PDFs and spreadsheets
no-such-department = no department with slug `{ $slug }`
hint-departments-are = the departments are: { $departments }
template-context = cannot prepare the values for the templates: { $why }
no-languages = no languages are configured
hint-add-template = add { $path }
tera-unclosed = the `{"{"}% { $open } %{"}"}` on line { $line } is not closed before this `{"{"}% { $closing } %{"}"}`
hint-tera-unclosed = add `{"{"}% end{ $open } %{"}"}` where the `{ $open }` ends
tera-error = { $detail }
hint-tera-undefined = templates may only use values stend provides (see README.md, Themes); use `x?.y` or `x is defined` for optional ones
tera-missing-parent = extends `{ $parent }`, which does not exist
xlsx-failed = the directory does not fit in a spreadsheet: { $why }
pdf-font-unreadable = cannot read the theme's font for PDFs: { $why }
hint-pdf-font = put the font in the theme's fonts/ folder, or set `pdf: false` in stend.yaml
pdf-font-bad = { $why }
pdf-failed = cannot make the PDF { $route }: { $why }
hint-pdf-failed = shorten the text, or set `pdf: false` in stend.yaml

## Links
link-broken = broken link on { $route }: { $problem }
link-no-page = link to `{ $target }`: no such page or file
link-no-id = link to `{ $target }`: the page has no element with id `{ $id }`
link-fragment-not-page = link to `{ $target }`: fragments only work on pages
link-empty = empty link
link-script = script link `{ $target }`
link-protocol-relative = protocol-relative link `{ $target }`: write the full address, e.g. `{ $full }`
link-lost = a page links to a file the site does not have, and the link could not be found again
hint-link-slash = the page is `{ $page }`, with a trailing slash
hint-link-broken = link to a page that exists, e.g. `/kk/offices/`, or to an id on the page, e.g. `#p11`

## Stale data
clock-epoch = the date of SOURCE_DATE_EPOCH
clock-today = today
stale-index = the index table has no row for { $year }, the year of the as-of date { $as_of }; the site shows the value from { $from } ({ $tenge } tenge) as in force
hint-stale-index = add the row set by the republican budget law for { $year }, e.g. `- {"{"}from: "{ $year }-01-01", tenge: …{"}"}`, or set `as_of` in stend.yaml
as-of-ahead = the as-of date { $as_of } is more than a year after { $clock }, { $today }
hint-as-of-ahead = check the year; without `as_of` the site is as of the day it is built
decree-after-as-of = the decree that { $what } the standard (No. { $decree }) is dated { $date }, after the as-of date { $as_of }
hint-decree-after-as-of = check the decree's date, or the as-of date (`as_of` in stend.yaml)

## Markdown
md-image = images are not supported in content (`{ $src }`)
md-link-control = link to `{ $url }` contains control characters
md-link-protocol-relative = link to `{ $url }` is protocol-relative (starts with `//`), which is not allowed
hint-md-link-protocol-relative = write the full address of the other site, e.g. `{ $full }`
md-link-scheme = link to `{ $url }` uses the `{ $scheme }:` scheme, which is not allowed

## The command line
unknown-lang = stend has no messages in `{ $lang }`; use en, kk or ru
cli-built = built { $pages } pages ({ $files } files, { $kb } KB) into { $out } in { $ms } ms
cli-built-verbose = root { $root }, threads { $threads }
cli-no-problems = no problems
cli-only-warnings = no errors, { $warnings } (above)
cli-checked = checked { $pages } pages of every edition: { $found } ({ $ms } ms)
cli-schemas = wrote { $count } schemas into { $out }

## The preview server
serve-rebuilt = rebuilt in { $ms } ms: { $summary } ({ $why })
serve-rendered-all = all { $pages } pages rendered
serve-rendered-some = { $rendered } of { $pages } pages rendered, the rest unchanged
serve-failed = the build failed ({ $why }); still serving the last good build:
serve-no-root = no project directory at { $dir }
hint-serve-no-root = pass the directory that holds stend.yaml with --root, or run stend in it
serve-cannot-listen = cannot listen on { $addr }: { $why }
hint-serve-port = another program may use the port; try `--port 0` for a free one
serve-no-address = cannot read the listening address: { $why }
serve-cannot-watch = cannot watch { $dir }: { $why }
serve-first-failed = the first build failed (see above); fix it and the page reloads
serve-first-built = { $pages } pages in { $ms } ms
serve-serving = serving { $url } ({ $state }); watching { $dir } for changes, Ctrl-C to stop
serve-cannot-start = cannot start the server: { $why }
serve-stopped = the server stopped: { $why }
serve-and-more = { $names } and { $count } more
panel-title = build failed
panel-heading = the site does not build
panel-stale = the last change does not build; this page is the last good build.
panel-close = Close

## Indentation
yaml-indent-slip = `{ $key }` is indented { $indent } spaces, unlike `{ $sibling }` on line { $line } ({ $sibling_indent } spaces)
yaml-indent-under-value = `{ $key }` is indented deeper than `{ $sibling }` on line { $line }, which already has a value
hint-yaml-indent = indent it exactly like `{ $sibling }` on line { $line }: YAML reads which mapping a key belongs to from its indentation alone

## Derived languages (stend.yaml `derive_from`, `transliteration`)
translit-letter-left = the letter «{ $letter }» (in «{ $word }») has no counterpart in `{ $scheme }`, so the `{ $lang }` text made from the `{ $from }` one would keep it: write the word in Kazakh letters, or give the `{ $lang }` text yourself
derived-needs-scheme = language `{ $code }` is derived but names no transliteration
scheme-needs-source = language `{ $code }` names a transliteration but no `derive_from` language
scheme-unknown = `{ $name }` is not a transliteration stend knows
hint-schemes-are = the transliterations are: { $names }
derive-from-unknown = `{ $from }` is not a written language of this site
scheme-wrong-source = `{ $name }` transliterates `{ $source }`, not `{ $from }`
ui-string-unknown = `{ $key }` is not a UI string of the theme
hint-ui-string-unknown = a derived language's file may only replace strings of { $file }
translit-html = the page could not be transliterated: { $why }
translit-page-left = a `{ $lang }` page made with this template keeps the Cyrillic letter «{ $letter }» (in «{ $word }»); put the text in the theme's UI strings, or mark text that stays in another language with its `lang`
translit-own-cyrillic = this `{ $lang }` text has the Cyrillic letter «{ $letter }» (in «{ $word }»): write it in the Latin alphabet, or delete the file to have it made from the Cyrillic one
