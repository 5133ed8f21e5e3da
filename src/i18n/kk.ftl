# stend хабарламалары қазақ тілінде: қателер, ескертулер, кеңестер және қорытындылар.
# Әр хабарламаның идентификаторы мен аргументтері en.ftl-дегідей.

## Labels and counts
label-error = қате
label-warning = ескерту
label-field = өріс
label-help = кеңес
count-problems = { $count } қате
count-files = { $count } файлда
count-warnings = { $count } ескерту
count-in-files = { $files } { $problems }
summary-build-failed = { $files } { $problems } табылды; ештеңе жазылған жоқ
summary-check-failed = тексеру { $problems } тапты: { $files }

## Field paths, as people read them
field-name = `{ $name }`
field-of = { $outer }, { $inner }
field-named-department = `{ $slug }` департаменті
field-nth-item = { $noun ->
        [department] { $n }-департамент
        [unit] { $n }-бөлімше
        [document] { $n }-құжат
        [note] { $n }-ескертпе
        [ground] { $n }-негіз
        [group] { $n }-топ
        [indicator] { $n }-көрсеткіш
        [column] { $n }-баған
        [language] { $n }-тіл
        [day] { $n }-күн
       *[other] `{ $noun }` тізімінің { $n }-элементі
    }
field-nth-entry = `{ $list }` тізімінің { $n }-элементі

## Builds and output directories
build-edition = `{ $slug }` басылымы
build-ministry = министрлік сайты
build-all-editions = барлық басылымдар
build-other = `{ $build }`
out-not-a-directory = шығыс жолы бар, бірақ ол каталог емес
out-not-stends = stend жазбаған каталогты ауыстырудан бас тартылды (ішінде { $marker } файлы жоқ); басқа --out таңдаңыз немесе каталогты босатыңыз
out-other-build = { $there } орнына { $ours } жазудан бас тартылды; басқа --out таңдаңыз немесе ауыстыру үшін --force беріңіз
out-escapes = шығыс каталогынан тыс жазудан бас тартылды
out-no-name = шығыс жолында каталог атауы жоқ

## Slugs
slug-empty-why = ол бос
slug-too-long = ол 80 таңбадан ұзын
slug-hyphen-ends = ол сызықшамен басталады немесе аяқталады
slug-bad-chars = тек кіші ASCII әріптері, цифрлар және сызықшалар рұқсат етілген

## Content files
content-dir-missing = content/ каталогы жоқ
content-translation-missing = бұл беттің `{ $lang }` тіліндегі аудармасы жоқ
hint-create-file = { $path } файлын жасаңыз
content-not-markdown = content/ ішінде тек Markdown файлдары (.md) болады
hint-content-not-markdown = суреттер мен басқа файлдарды тақырыптың static/ каталогына салыңыз
content-not-a-language = мазмұн файлдары content/<тіл>/ ішінде болады, ал `{ $lang }` бұл сайттың тілі емес
hint-languages-are = сайт тілдері: { $languages }
content-bad-name = `{ $name }` URL бөлігі бола алмайды: { $why }
hint-content-bad-name = мазмұн файлдарын кіші ASCII әріптерімен, цифрлармен және сызықшалармен атаңыз
front-missing = файл front matter блогынан басталмайды
hint-front-missing = файлды `---` жолымен, YAML өрістерімен (title, description, …) және тағы бір `---` жолымен бастаңыз
front-not-closed = front matter блогы жабылмаған
hint-front-not-closed = front matter блогының соңғы өрісінен кейін `---` жолын қосыңыз
front-empty = front matter блогы бос
hint-front-empty = кемінде `title` пен `description` өрістерін жазыңыз
field-empty = `{ $name }` бос
hint-write-title = беттің тақырыбын және браузер қойындысының атауын жазыңыз
hint-write-description = іздеу жүйелері мен сілтеме алдын ала көрінісі үшін беттің қысқаша сипаттамасын жазыңыз

## Reading files
cannot-read = оқу мүмкін емес: { $why }
file-not-found = файл табылмады
size-bytes = { $count } байт
file-too-large = файл көлемі { $size }, бұл { $limit } шегінен асады
hint-file-too-large = бұл сіз меңзеген файл екенін тексеріңіз; егер солай болса, деректерді бөліңіз немесе stend.yaml ішінде `max_file_bytes` мәнін арттырыңыз
file-not-utf8 = файл дұрыс UTF-8 емес (мұнда { $byte } байты)
hint-file-not-utf8 = файл Windows-1251 сияқты ескі кодтауда сақталған болуы мүмкін; оны UTF-8 ретінде сақтаңыз (Notepad: Басқаша сақтау → Кодтау: UTF-8)
symlink-to-directory = каталогқа апаратын символдық сілтемелер ескерілмейді
hint-symlink-to-directory = оның орнына файлдарды жобаға көшіріңіз
symlink-outside = `{ $target }` сілтемесі жобадан тыс жерге апарады
hint-symlink-outside = stend тек жоба ішіндегі файлдарды оқиды; оның орнына файлды жобаға көшіріңіз
symlink-nowhere = `{ $target }` сілтемесі ешқайда апармайды
hint-symlink-nowhere = сілтемені жойыңыз немесе ол меңзеген файлды жобаға көшіріңіз

## The project file and the theme
no-config = `{ $dir }` ішінде stend.yaml жоқ
hint-no-config = stend-ті жоба каталогында іске қосыңыз немесе --root DIR беріңіз
hint-languages-empty = кемінде бір тілді жазыңыз, негізгі тілді бірінші
not-a-language-code = `{ $code }` тіл коды емес
hint-language-code = `kk` немесе `ru` сияқты екі не үш кіші әріпті ISO 639 кодын жазыңыз; туынды тілге жазу түрін қосыңыз (`kk-Latn`)
language-twice = `{ $code }` тілі екі рет жазылған
base-url-not-absolute = `base_url` толық http(s) URL болуы тиіс
not-a-date = `{ $value }` күн емес
hint-date-format = күнді ЖЖЖЖ-АА-КК түрінде жазыңыз
epoch-not-a-number = SOURCE_DATE_EPOCH=`{ $value }` секунд саны емес
theme-not-found = themes/ ішінде `{ $theme }` тақырыбы табылмады
theme-no-templates = тақырыпта үлгілер жоқ
ui-strings-missing = `{ $lang }` тіліне арналған интерфейс жолдары жоқ
hint-ui-strings-missing = басқа тілдің файлын көшіріп, аударыңыз
ui-string-missing = `{ $key }` интерфейс жолы жоқ
hint-ui-string-after = ол { $at } ішінде бар; аудармасын `{ $prev }` жолынан кейін қосыңыз
hint-ui-string-here = ол { $at } ішінде бар; аудармасын осында қосыңыз

## Reading YAML
yaml-empty = файл бос
hint-yaml-empty = деректер файлында YAML кестесі (mapping) болуы тиіс; пішімі README.md ішінде сипатталған
yaml-alias-bomb = бұл файлдағы бүркеншік аттар (`*name`) { $limit } мәннен артық мәнге жайылады
hint-yaml-alias-bomb = бұл бүркеншік ат бомбасына («billion laughs») ұқсайды; деректер файлдарына якорьлар мен бүркеншік аттар керек емес: мәндерді толық жазыңыз
yaml-too-deep = деректер { $depth } деңгейден тереңірек кірістірілген
hint-yaml-too-deep = деректер файлдарына бірнеше деңгей ғана керек; жабылмаған `[` `{"{"}` жақшаларын немесе шектен тыс шегіністі іздеңіз
yaml-too-many-values = деректер файлы үшін бұл файлда мәндер тым көп
hint-yaml-too-big = деректерді бөліңіз немесе бұл сіз меңзеген файл екенін тексеріңіз
yaml-texts-too-big = бұл файлдағы мәтіндердің жалпы көлемі 64 MiB-тан асады
yaml-limit = файл талдау шегінен асады ({ $limit })
hint-yaml-limit = деректерді жобамен бірге берілген файлдардағыдай қарапайым жазыңыз
kind = { $kind ->
        [unsigned] бүтін сан (0 немесе одан көп)
        [integer] бүтін сан
        [number] сан
        [bool] `true` немесе `false`
        [null] бос мән (null)
       *[other] басқа түрдегі мән
    }
expected-found = { $kind } күтілген, бірақ `{ $found }` жазылған
expected = { $kind } күтілген
expected-mapping = мұнда кесте (mapping) күтілген (`кілт: мән` жолдары немесе `{"{"}кілт: мән{"}"}`)
expected-list = мұнда тізім күтілген (`- элемент` жолдары немесе `[a, b]`)
expected-text = мұнда бір мәтін күтілген
expected-here = мұнда күтілген: { $what }
expected-text-found = мәтін күтілген, бірақ `{ $found }` жазылған, оны YAML { $kind } деп оқиды
hint-quote = оны тырнақшаға алып жазыңыз: "{ $found }"
yaml-several-documents = файлда бірнеше YAML құжаты бар
hint-yaml-several-documents = деректер файлы бір құжаттан тұрады: `---` жолын (немесе одан кейінгі мәтінді) жойыңыз
key-twice = `{ $key }` бір кестеде екі рет жазылған
some-key-twice = бір кілт бір кестеде екі рет жазылған
hint-key-first-on = ол алғаш { $line }-жолда жазылған; екеуінің бірін қалдырыңыз
hint-keep-one = екеуінің бірін қалдырыңыз
yaml-unknown-anchor = бұл бүркеншік ат (`*name`) өзінен бұрынғы ешбір якорьға (`&name`) сілтемейді
hint-yaml-unknown-anchor = деректер файлдарына якорьлар мен бүркеншік аттар керек емес: мәнді толық жазыңыз
yaml-syntax = YAML синтаксис қатесі: { $detail }
hint-yaml-syntax = бұл YAML синтаксис қатесі: осы жолдағы және одан жоғарғы жолдардағы шегіністерді, тырнақшаларды және жақшаларды тексеріңіз
field-missing = міндетті `{ $name }` өрісі жоқ
hint-add-field-to-file = файлға `{ $name }:` өрісін қосыңыз; оның мазмұны README.md (Data files) бөлімінде сипатталған
hint-add-field-here = осы кестеге `{ $name }:` өрісін қосыңыз; оның мазмұны README.md (Data files) бөлімінде сипатталған
field-unknown = белгісіз `{ $name }` өрісі
hint-did-you-mean = `{ $name }` деп жазғыңыз келді ме?
hint-fields-allowed = мұнда рұқсат етілген өрістер: { $fields }
hint-no-fields = бұл кестеге өріс жазылмайды
text-expected = түрі дұрыс емес: { $found }; әр тілге бір мәтін күтілген, { $example }
text-single = әр тілге бір мәтін күтілген, { $example }, бірақ бір ғана мәтін жазылған
translation-missing = `{ $lang }` тіліндегі аударма жоқ
translation-empty = `{ $lang }` тіліндегі аударма бос; егер мән белгісіз болса, өрісті толығымен алып тастаңыз
translation-not-a-language = `{ $lang }` бұл сайттың тілі емес (stend.yaml тізімі: { $languages })
hint-translations = адам оқитын әр мәнге stend.yaml ішінде аталған әр тіл үшін бір жазба керек
not-a-time = `{ $value }` тәулік уақыты емес
hint-time-format = уақытты 24 сағаттық пішімде СС:ММ түрінде, 00:00-ден 23:59-ға дейін жазыңыз
not-a-day = `{ $value }` апта күні емес
hint-day-format = mon, tue, wed, thu, fri, sat немесе sun жазыңыз
hint-dates-format = күндерді ЖЖЖЖ-АА-КК түрінде жазыңыз

## Rules of the data
department-slug-twice = `{ $slug }` департамент слагы { $line }-жолдағы { $n }-департаментте қолданылып қойған
hint-department-slug-twice = әр департаментке өз слагы керек: бұл оның URL мекенжайы
unit-slug-twice = `{ $slug }` бөлімше слагы `{ $department }` департаментінің { $line }-жолдағы { $n }-бөлімшесінде қолданылып қойған
hint-unit-slug-twice = бір департамент бөлімшелерінің слагтары әртүрлі болуы тиіс
unit-has-units = бөлімшенің өз бөлімшелері болмайды
hint-unit-has-units = департаменттің барлық бөлімшелерін тікелей департаменттің `units` тізіміне жазыңыз
slug-empty = слаг бос
slug-invalid = `{ $slug }` жарамды слаг емес: { $why }
hint-slug = слагтар URL болады: кіші ASCII әріптерін, цифрларды және сызықшаларды қолданыңыз, мысалы `esil-district`
not-a-website = `{ $value }` веб-сайт немесе электрондық пошта мекенжайы емес
hint-website = мекенжайларды стандартта басылғандай жазыңыз: `www.mvd.kz`, `https://www.gov.kz/…` немесе `dvd@mail.kz`, бірнешеуін үтірмен бөліп; басқа схемаға жол берілмейді
not-a-dial-code = `{ $value }` телефонның қалааралық коды емес
hint-dial-code = кодтың тек цифрларын жазыңыз, мысалы `7172`
not-a-phone = `{ $value }` телефон нөмірі емес
hint-phone = нөмірді басылғандай, тек цифрлармен, сызықшалармен, бос орындармен және жақшалармен жазыңыз
day-twice = `{ $day }` күнінің жұмыс уақыты { $line }-жолда, { $row } ішінде берілген
close-before-open = жабылу уақыты { $close } ашылу уақыты { $open }-ден кейін емес
break-ends-first = үзіліс басталмай ({ $start }) тұрып аяқталады ({ $end })
break-outside-hours = { $start }–{ $end } үзілісі { $open }–{ $close } жұмыс уақытынан тыс
hint-break-outside-hours = үзіліс ашылғаннан кейін басталып, жабылғанға дейін аяқталуы тиіс
fee-implausible = { $percent } көрсеткіштің ақылға қонымды пайызы емес
hint-fee-implausible = стандарттағы пайызды жазыңыз: 0-ден үлкен және 1000-нан аспайтын сан (100 — көрсеткіштің өзі)
fee-basis-none = алымда `percent_of_mci` те, `tenge` те, `free: true` да көрсетілмеген
fee-basis-several = алым әрі `{ $first }`, әрі `{ $second }` ретінде берілген
fee-free-false = `free: false` алымның қандай екенін айтпайды
hint-fee-basis = біреуін ғана жазыңыз: `percent_of_mci: 100` (айлық есептік көрсеткіштің пайызы, `mci` көрсеткіш кестесімен), `tenge: 5000` (тіркелген сома) немесе `free: true` (тегін)
fee-needs-kind = `{ $basis }` ретінде берілген алымға `kind` керек: төлемнің атауы, мысалы «мемлекеттік баж»
fee-needs-legal-basis = `{ $basis }` ретінде берілген алымға `legal_basis` керек: алым алынатын заң
fee-mci-missing = көрсеткіштің пайызы үшін `mci` көрсеткіш кестесі керек
hint-fee-mci-missing = республикалық бюджет туралы заңдардағы көрсеткішті күшіне енген күні бойынша `mci:` ретінде қосыңыз, мысалы `- {"{"}from: "2026-01-01", tenge: 4325{"}"}`
fee-tenge-implausible = { $tenge } теңге алымның ақылға қонымды мәні емес
hint-fee-tenge-implausible = тіркелген алым — 0-ден үлкен және 100 000 000-нан аспайтын теңгенің бүтін саны
term-zero = мерзім 0-ге тең бола алмайды
hint-term-zero = стандарттағы бірлік санын `unit` бірлігімен жазыңыз: `calendar_days`, `working_days`, `hours` немесе `minutes`
mci-not-ascending = { $date } алдыңғы жолдағы { $previous } күнінен кейін емес
hint-mci-not-ascending = көрсеткіш кестесін күн бойынша өсу ретімен, әр өзгеріске бір жолдан жазыңыз
mci-implausible = { $tenge } теңге көрсеткіштің ақылға қонымды мәні емес
mci-none-in-force = { $as_of } есеп күніне күшіндегі көрсеткіш мәні жоқ
hint-mci-none-in-force = `mci` кестесіне `from` күні есеп күнінен кешікпейтін жол қосыңыз немесе stend.yaml ішінде `as_of` мәнін беріңіз
document-id-twice = `{ $id }` құжат идентификаторы { $line }-жолдағы { $n }-құжатта қолданылып қойған
template-missing = `{ $template }` үлгісі жоқ
hint-templates-dir = үлгілер — { $dir }/templates/ ішіндегі файлдар
edition-not-a-department = `{ $slug }` басылымы департамент слагы емес
hint-edition-keys = басылым кілттері — data/offices.yaml ішіндегі департаменттердің `slug` мәндері

## Editions, templates, PDFs and spreadsheets
no-such-department = `{ $slug }` слагы бар департамент жоқ
hint-departments-are = департаменттер: { $departments }
template-context = үлгілерге арналған мәндерді дайындау мүмкін болмады: { $why }
no-languages = ешбір тіл көрсетілмеген
hint-add-template = { $path } файлын қосыңыз
tera-unclosed = { $line }-жолдағы `{"{"}% { $open } %{"}"}` тегі осы `{"{"}% { $closing } %{"}"}` тегіне дейін жабылмаған
hint-tera-unclosed = `{ $open }` аяқталатын жерге `{"{"}% end{ $open } %{"}"}` қосыңыз
tera-error = үлгі қатесі (Tera): { $detail }
hint-tera-undefined = үлгілер тек stend беретін мәндерді қолдана алады (README.md, Themes бөлімін қараңыз); міндетті емес мәндер үшін `x?.y` немесе `x is defined` жазыңыз
tera-missing-parent = жоқ `{ $parent }` үлгісін кеңейтеді (extends)
xlsx-failed = анықтамалық электрондық кестеге сыймайды: { $why }
pdf-font-unreadable = PDF үшін тақырып қарпін оқу мүмкін емес: { $why }
hint-pdf-font = қаріпті тақырыптың fonts/ қалтасына салыңыз немесе stend.yaml ішінде `pdf: false` жазыңыз
pdf-font-bad = PDF қарпі жарамсыз: { $why }
pdf-failed = { $route } PDF файлын жасау мүмкін болмады: { $why }
hint-pdf-failed = мәтінді қысқартыңыз немесе stend.yaml ішінде `pdf: false` жазыңыз

## Links
link-broken = { $route } бетіндегі сілтеме жарамсыз: { $problem }
link-no-page = `{ $target }` сілтемесі: мұндай бет немесе файл жоқ
link-no-id = `{ $target }` сілтемесі: бетте id `{ $id }` элементі жоқ
link-fragment-not-page = `{ $target }` сілтемесі: фрагменттер (#…) тек беттерде жұмыс істейді
link-empty = бос сілтеме
link-script = `{ $target }` скрипт сілтемесі
link-protocol-relative = хаттамасыз `{ $target }` сілтемесі: толық мекенжайды жазыңыз, мысалы `{ $full }`
link-lost = бір бет сайтта жоқ файлға сілтейді, ал сілтеменің өзін қайта табу мүмкін болмады
hint-link-slash = бет мекенжайы соңында қиғаш сызықпен жазылады: `{ $page }`
hint-link-broken = бар бетке (мысалы `/kk/offices/`) немесе беттегі id-ге (мысалы `#p11`) сілтеңіз

## Stale data
clock-epoch = SOURCE_DATE_EPOCH күні
clock-today = бүгін
stale-index = көрсеткіш кестесінде { $as_of } есеп күнінің жылы — { $year } жылға жол жоқ; сайт { $from } бастап белгіленген мәнді ({ $tenge } теңге) күшіндегі мән ретінде көрсетеді
hint-stale-index = { $year } жылға арналған республикалық бюджет туралы заңда белгіленген жолды қосыңыз, мысалы `- {"{"}from: "{ $year }-01-01", tenge: …{"}"}`, немесе stend.yaml ішінде `as_of` мәнін беріңіз
as-of-ahead = { $as_of } есеп күні { $clock } ({ $today }) күнінен бір жылдан астам кейін
hint-as-of-ahead = жылды тексеріңіз; `as_of` болмаса, сайт құрастырылған күнгі күйінде болады
decree-after-as-of = стандартты { $what ->
        [approved] бекіткен
       *[other] күшін жойған
    } бұйрық (№ { $decree }) { $date } күнімен, яғни { $as_of } есеп күнінен кейін белгіленген
hint-decree-after-as-of = бұйрықтың күнін немесе есеп күнін (stend.yaml ішіндегі `as_of`) тексеріңіз

## Markdown
md-image = мазмұнда суреттерге қолдау көрсетілмейді (`{ $src }`)
md-link-control = `{ $url }` сілтемесінде басқару таңбалары бар
md-link-protocol-relative = `{ $url }` сілтемесі хаттамасыз (`//` деп басталады), бұған жол берілмейді
hint-md-link-protocol-relative = басқа сайттың толық мекенжайын жазыңыз, мысалы `{ $full }`
md-link-scheme = `{ $url }` сілтемесі `{ $scheme }:` схемасын қолданады, бұған жол берілмейді

## The command line
unknown-lang = stend хабарламаларында `{ $lang }` тілі жоқ; en, kk немесе ru таңдаңыз
cli-built = { $pages } бет ({ $files } файл, { $kb } KB) { $out } каталогына { $ms } мс ішінде құрастырылды
cli-built-verbose = жоба каталогы { $root }, ағындар саны { $threads }
cli-no-problems = ешқандай қате жоқ
cli-only-warnings = қате жоқ, { $warnings } (жоғарыда)
cli-checked = барлық басылымның { $pages } беті тексерілді: { $found } ({ $ms } мс)
cli-schemas = { $out } каталогына { $count } схема жазылды

## The preview server
serve-rebuilt = { $ms } мс ішінде қайта құрастырылды: { $summary } ({ $why })
serve-rendered-all = барлық { $pages } бет жасалды
serve-rendered-some = { $pages } беттің { $rendered } беті жасалды, қалғандары өзгермеді
serve-failed = құрастыру сәтсіз аяқталды ({ $why }); соңғы сәтті нұсқа көрсетіліп тұр:
serve-no-root = { $dir } жолында жоба каталогы жоқ
hint-serve-no-root = stend.yaml жатқан каталогты --root арқылы беріңіз немесе stend-ті сол каталогта іске қосыңыз
serve-cannot-listen = { $addr } мекенжайын тыңдау мүмкін емес: { $why }
hint-serve-port = портты басқа бағдарлама қолданып тұруы мүмкін; бос порт үшін `--port 0` беріп көріңіз
serve-no-address = тыңдау мекенжайын оқу мүмкін емес: { $why }
serve-cannot-watch = { $dir } каталогын бақылау мүмкін емес: { $why }
serve-first-failed = алғашқы құрастыру сәтсіз аяқталды (жоғарыны қараңыз); қатені түзетсеңіз, бет қайта жүктеледі
serve-first-built = { $ms } мс ішінде { $pages } бет
serve-serving = { $url } мекенжайында ашық ({ $state }); { $dir } ішіндегі өзгерістер бақыланады, тоқтату үшін Ctrl-C
serve-cannot-start = серверді іске қосу мүмкін емес: { $why }
serve-stopped = сервер тоқтап қалды: { $why }
serve-and-more = { $names } және тағы { $count }
panel-title = құрастыру сәтсіз
panel-heading = сайт құрастырылмайды
panel-stale = соңғы өзгеріс құрастырылмайды; бұл бет — соңғы сәтті нұсқа.
panel-close = Жабу

## Indentation
yaml-indent-slip = `{ $key }` { $indent } бос орынмен шегінген, ал { $line }-жолдағы `{ $sibling }` { $sibling_indent } бос орынмен шегінген
yaml-indent-under-value = `{ $key }` { $line }-жолдағы `{ $sibling }` кілтінен тереңірек шегінген, ал оның мәні бар
hint-yaml-indent = оны { $line }-жолдағы `{ $sibling }` сияқты дәл сондай шегініспен жазыңыз: кілттің қай кестеге жататынын YAML тек шегіністен анықтайды

## Туынды тілдер (stend.yaml `derive_from`, `transliteration`)
translit-letter-left = «{ $letter }» әрпінің («{ $word }» сөзінде) `{ $scheme }` әліпбиінде сәйкесі жоқ, сондықтан `{ $from }` мәтінінен жасалатын `{ $lang }` мәтінінде ол өзгеріссіз қалады: сөзді қазақ әріптерімен жазыңыз немесе `{ $lang }` мәтінін өзіңіз беріңіз
derived-needs-scheme = `{ $code }` тілі туынды, бірақ транслитерациясы көрсетілмеген
scheme-needs-source = `{ $code }` тілінің транслитерациясы көрсетілген, бірақ `derive_from` тілі жоқ
scheme-unknown = `{ $name }` — stend білмейтін транслитерация
hint-schemes-are = транслитерациялар: { $names }
derive-from-unknown = `{ $from }` — бұл сайттың жазба тілі емес
scheme-wrong-source = `{ $name }` `{ $from }` тілін емес, `{ $source }` тілін транслитерациялайды
ui-string-unknown = `{ $key }` — тақырыптың интерфейс жолы емес
hint-ui-string-unknown = туынды тілдің файлы тек { $file } файлындағы жолдарды ауыстыра алады
translit-html = бетті транслитерациялау мүмкін болмады: { $why }
translit-page-left = осы үлгімен жасалған `{ $lang }` бетінде «{ $letter }» кирилл әрпі қалды («{ $word }» сөзінде); мәтінді тақырыптың интерфейс жолдарына көшіріңіз немесе басқа тілде қалатын мәтінді өз `lang` атрибутымен белгілеңіз
translit-own-cyrillic = бұл `{ $lang }` мәтінінде «{ $letter }» кирилл әрпі бар («{ $word }» сөзінде): оны латын әліпбиімен жазыңыз немесе кирилл мәтінінен жасалуы үшін файлды жойыңыз
