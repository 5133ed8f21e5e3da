# Сообщения stend на русском языке: ошибки, предупреждения, подсказки и итоги.
# Идентификаторы и аргументы сообщений те же, что в en.ftl.

## Labels and counts
label-error = ошибка
label-warning = предупреждение
label-field = поле
label-help = подсказка
count-problems = { $count ->
        [one] { $count } ошибка
        [few] { $count } ошибки
       *[other] { $count } ошибок
    }
count-files = { $count ->
        [one] { $count } файле
       *[other] { $count } файлах
    }
count-warnings = { $count ->
        [one] { $count } предупреждение
        [few] { $count } предупреждения
       *[other] { $count } предупреждений
    }
count-in-files = { $problems } в { $files }
summary-build-failed = { $problems } в { $files }; ничего не записано
summary-check-failed = проверка нашла { $problems } в { $files }

## Field paths, as people read them
field-name = `{ $name }`
field-of = { $inner }, { $outer }
field-named-department = департамент `{ $slug }`
field-nth-item = { $noun ->
        [department] департамент № { $n }
        [unit] подразделение № { $n }
        [document] документ № { $n }
        [note] примечание № { $n }
        [ground] основание № { $n }
        [group] группа № { $n }
        [indicator] показатель № { $n }
        [column] столбец № { $n }
        [language] язык № { $n }
        [day] день № { $n }
       *[other] элемент № { $n } списка `{ $noun }`
    }
field-nth-entry = элемент № { $n } списка `{ $list }`

## Builds and output directories
build-edition = выпуск `{ $slug }`
build-ministry = сайт министерства
build-all-editions = все выпуски
build-other = `{ $build }`
out-not-a-directory = выходной путь существует и не является каталогом
out-not-stends = отказ заменить каталог, который записал не stend (в нём нет файла { $marker }); выберите другой --out или очистите его
out-other-build = отказ заменить { $there } на { $ours }; выберите другой --out или укажите --force, чтобы заменить
out-escapes = отказ записывать за пределами выходного каталога
out-no-name = у выходного пути нет имени каталога

## Slugs
slug-empty-why = он пуст
slug-too-long = он длиннее 80 символов
slug-hyphen-ends = он начинается или заканчивается дефисом
slug-bad-chars = допустимы только строчные латинские буквы ASCII, цифры и дефисы

## Content files
content-dir-missing = нет каталога content/
content-translation-missing = нет перевода этой страницы на язык `{ $lang }`
hint-create-file = создайте { $path }
content-not-markdown = в content/ хранятся только файлы Markdown (.md)
hint-content-not-markdown = изображения и другие файлы положите в каталог static/ темы
content-not-a-language = файлы содержания лежат в content/<язык>/, а `{ $lang }` не язык этого сайта
hint-languages-are = языки сайта: { $languages }
content-bad-name = `{ $name }` не может быть частью URL: { $why }
hint-content-bad-name = называйте файлы содержания строчными латинскими буквами ASCII, цифрами и дефисами
front-missing = файл не начинается с блока front matter
hint-front-missing = начните файл строкой `---`, полями YAML (title, description, …) и ещё одной строкой `---`
front-not-closed = блок front matter не закрыт
hint-front-not-closed = добавьте строку `---` после последнего поля front matter
front-empty = блок front matter пуст
hint-front-empty = укажите хотя бы `title` и `description`
field-empty = `{ $name }` пусто
hint-write-title = напишите заголовок страницы и название вкладки браузера
hint-write-description = напишите краткое описание страницы для поисковых систем и предпросмотра ссылок

## Reading files
cannot-read = не удаётся прочитать: { $why }
file-not-found = файл не найден
size-bytes = { $count ->
        [one] { $count } байт
        [few] { $count } байта
       *[other] { $count } байт
    }
file-too-large = размер файла { $size }, это больше предела в { $limit }
hint-file-too-large = проверьте, тот ли это файл; если да, разделите данные или увеличьте `max_file_bytes` в stend.yaml
file-not-utf8 = файл не в кодировке UTF-8 (здесь байт { $byte })
hint-file-not-utf8 = вероятно, файл сохранён в устаревшей кодировке, например Windows-1251; сохраните его в UTF-8 (Блокнот: Сохранить как → Кодировка: UTF-8)
symlink-to-directory = символические ссылки на каталоги не обрабатываются
hint-symlink-to-directory = вместо этого скопируйте файлы в проект
symlink-outside = символическая ссылка на `{ $target }` ведёт за пределы проекта
hint-symlink-outside = stend читает только файлы внутри проекта; вместо этого скопируйте файл в проект
symlink-nowhere = символическая ссылка на `{ $target }` никуда не ведёт
hint-symlink-nowhere = удалите ссылку или скопируйте в проект файл, на который она указывала

## The project file and the theme
no-config = в `{ $dir }` нет stend.yaml
hint-no-config = запустите stend в каталоге проекта или укажите --root DIR
hint-languages-empty = перечислите хотя бы один язык, основной первым
not-a-language-code = `{ $code }` не код языка
hint-language-code = укажите двух- или трёхбуквенный код ISO 639 строчными буквами, например `kk` или `ru`, а для производного языка — с письменностью (`kk-Latn`)
language-twice = язык `{ $code }` указан дважды
base-url-not-absolute = `base_url` должен быть абсолютным URL http(s)
not-a-date = `{ $value }` не дата
hint-date-format = запишите дату в виде ГГГГ-ММ-ДД
epoch-not-a-number = SOURCE_DATE_EPOCH=`{ $value }` не число секунд
theme-not-found = тема `{ $theme }` не найдена в themes/
theme-no-templates = в теме нет шаблонов
ui-strings-missing = нет строк интерфейса для языка `{ $lang }`
hint-ui-strings-missing = скопируйте файл другого языка и переведите его
ui-string-missing = нет строки интерфейса `{ $key }`
hint-ui-string-after = она есть в { $at }; добавьте её перевод после `{ $prev }`
hint-ui-string-here = она есть в { $at }; добавьте её перевод здесь

## Reading YAML
yaml-empty = файл пуст
hint-yaml-empty = файл данных должен содержать отображение YAML (mapping); его формат описан в README.md
yaml-alias-bomb = псевдонимы (`*name`) в этом файле раскрываются более чем в { $limit } значений
hint-yaml-alias-bomb = это похоже на «бомбу псевдонимов» («billion laughs»); файлам данных не нужны якоря и псевдонимы: запишите значения полностью
yaml-too-deep = данные вложены глубже { $depth } уровней
hint-yaml-too-deep = файлам данных нужно не больше нескольких уровней; поищите незакрытые скобки `[` `{"{"}` или разросшиеся отступы
yaml-too-many-values = в файле слишком много значений для файла данных
hint-yaml-too-big = разделите данные или проверьте, тот ли это файл
yaml-texts-too-big = тексты в этом файле в сумме больше 64 MiB
yaml-limit = файл превышает предел разбора ({ $limit })
hint-yaml-limit = запишите данные просто, как в поставляемых файлах данных
kind = { $kind ->
        [unsigned] целое число (0 или больше)
        [integer] целое число
        [number] число
        [bool] `true` или `false`
        [null] пустое значение (null)
       *[other] значение другого типа
    }
expected-found = ожидалось { $kind }, а записано `{ $found }`
expected = ожидалось { $kind }
expected-mapping = здесь ожидалось отображение (строки `ключ: значение` или `{"{"}ключ: значение{"}"}`)
expected-list = здесь ожидался список (строки `- элемент` или `[a, b]`)
expected-text = здесь ожидался один текст
expected-here = здесь ожидалось: { $what }
expected-text-found = ожидался текст, а записано `{ $found }`, что YAML читает как { $kind }
hint-quote = запишите в кавычках: "{ $found }"
yaml-several-documents = в файле больше одного документа YAML
hint-yaml-several-documents = файл данных — это один документ: удалите строку `---` (или текст после неё)
key-twice = `{ $key }` указан дважды в одном отображении
some-key-twice = ключ указан дважды в одном отображении
hint-key-first-on = впервые он указан в строке { $line }; оставьте одно из двух
hint-keep-one = оставьте одно из двух
yaml-unknown-anchor = этот псевдоним (`*name`) не ссылается ни на один якорь (`&name`) перед ним
hint-yaml-unknown-anchor = файлам данных не нужны якоря и псевдонимы: запишите значение полностью
yaml-syntax = синтаксическая ошибка YAML: { $detail }
hint-yaml-syntax = это синтаксическая ошибка YAML: проверьте отступы, кавычки и скобки в этой строке и строках выше
field-missing = нет обязательного поля `{ $name }`
hint-add-field-to-file = добавьте `{ $name }:` в файл; что в нём хранится, сказано в README.md (Data files)
hint-add-field-here = добавьте `{ $name }:` в это отображение; что в нём хранится, сказано в README.md (Data files)
field-unknown = неизвестное поле `{ $name }`
hint-did-you-mean = возможно, имелось в виду `{ $name }`?
hint-fields-allowed = здесь допустимы поля: { $fields }
hint-no-fields = в этом отображении не бывает полей
text-expected = неверный тип: { $found }; ожидался один текст на каждый язык, { $example }
text-single = ожидался один текст на каждый язык, { $example }, а записан один текст
translation-missing = нет перевода на язык `{ $lang }`
translation-empty = перевод на язык `{ $lang }` пуст; если значение неизвестно, уберите поле целиком
translation-not-a-language = `{ $lang }` не язык этого сайта (в stend.yaml перечислены: { $languages })
hint-translations = каждому значению, которое читают люди, нужна одна запись на каждый язык из stend.yaml
not-a-time = `{ $value }` не время суток
hint-time-format = записывайте время как ЧЧ:ММ в 24-часовом формате, от 00:00 до 23:59
not-a-day = `{ $value }` не день недели
hint-day-format = используйте mon, tue, wed, thu, fri, sat или sun
hint-dates-format = записывайте даты в виде ГГГГ-ММ-ДД

## Rules of the data
department-slug-twice = слаг департамента `{ $slug }` уже занят департаментом № { $n } в строке { $line }
hint-department-slug-twice = у каждого департамента должен быть свой слаг: это его URL
unit-slug-twice = слаг подразделения `{ $slug }` уже занят подразделением № { $n } департамента `{ $department }` в строке { $line }
hint-unit-slug-twice = у подразделений одного департамента слаги должны различаться
unit-has-units = у подразделения не может быть своих подразделений
hint-unit-has-units = перечислите все подразделения департамента прямо в его `units`
slug-empty = слаг пуст
slug-invalid = `{ $slug }` не подходит как слаг: { $why }
hint-slug = слаги становятся URL: используйте строчные латинские буквы ASCII, цифры и дефисы, например `esil-district`
not-a-website = `{ $value }` не адрес сайта или электронной почты
hint-website = записывайте адреса так, как их печатает стандарт: `www.mvd.kz`, `https://www.gov.kz/…` или `dvd@mail.kz`, несколько — через запятую; другие схемы не допускаются
not-a-dial-code = `{ $value }` не телефонный код города
hint-dial-code = запишите только цифры кода, например `7172`
not-a-phone = `{ $value }` не номер телефона
hint-phone = запишите номер так, как он напечатан: только цифры, дефисы, пробелы и скобки
day-twice = для `{ $day }` часы уже указаны в строке { $line }: { $row }
close-before-open = время закрытия { $close } не позже времени открытия { $open }
break-ends-first = перерыв заканчивается ({ $end }) раньше, чем начинается ({ $start })
break-outside-hours = перерыв { $start }–{ $end } выходит за часы работы { $open }–{ $close }
hint-break-outside-hours = перерыв должен начинаться после открытия и заканчиваться до закрытия
fee-implausible = { $percent } — неправдоподобный процент от показателя
hint-fee-implausible = укажите процент, который даёт стандарт: число больше 0 и не больше 1000 (100 — весь показатель)
fee-basis-none = в сборе не указано ни `percent_of_mci`, ни `tenge`, ни `free: true`
fee-basis-several = сбор указан и как `{ $first }`, и как `{ $second }`
fee-free-false = `free: false` не говорит, каков сбор
hint-fee-basis = укажите что-то одно: `percent_of_mci: 100` (процент месячного расчётного показателя, с таблицей показателя `mci`), `tenge: 5000` (фиксированная сумма) или `free: true` (бесплатно)
fee-needs-kind = сбору, указанному как `{ $basis }`, нужно `kind`: как называется платёж, например «государственная пошлина»
fee-needs-legal-basis = сбору, указанному как `{ $basis }`, нужно `legal_basis`: закон, по которому он взимается
fee-mci-missing = процент от показателя требует таблицы показателя `mci`
hint-fee-mci-missing = добавьте `mci:` со значениями показателя по дате вступления в силу из законов о республиканском бюджете, например `- {"{"}from: "2026-01-01", tenge: 4325{"}"}`
fee-tenge-implausible = { $tenge } тенге — неправдоподобная сумма сбора
hint-fee-tenge-implausible = фиксированный сбор — целое число тенге больше 0 и не больше 100 000 000
term-zero = срок не может быть равен 0
hint-term-zero = укажите число единиц из стандарта и его `unit`: `calendar_days`, `working_days`, `hours` или `minutes`
mci-not-ascending = { $date } не позже даты предыдущей строки { $previous }
hint-mci-not-ascending = ведите таблицу показателя по возрастанию дат, по одной строке на изменение
mci-implausible = { $tenge } тенге — неправдоподобное значение показателя
mci-none-in-force = на отчётную дату { $as_of } не действует ни одно значение показателя
hint-mci-none-in-force = добавьте в `mci` строку с датой `from` не позже отчётной или задайте `as_of` в stend.yaml
document-id-twice = идентификатор документа `{ $id }` уже занят документом № { $n } в строке { $line }
template-missing = шаблона `{ $template }` нет
hint-templates-dir = шаблоны — это файлы в { $dir }/templates/
edition-not-a-department = выпуск `{ $slug }` не слаг департамента
hint-edition-keys = ключи выпусков — это `slug` департаментов из data/offices.yaml

## Editions, templates, PDFs and spreadsheets
no-such-department = нет департамента со слагом `{ $slug }`
hint-departments-are = департаменты: { $departments }
template-context = не удалось подготовить значения для шаблонов: { $why }
no-languages = не задано ни одного языка
hint-add-template = добавьте { $path }
tera-unclosed = `{"{"}% { $open } %{"}"}` в строке { $line } не закрыт до этого `{"{"}% { $closing } %{"}"}`
hint-tera-unclosed = добавьте `{"{"}% end{ $open } %{"}"}` там, где заканчивается `{ $open }`
tera-error = ошибка шаблона (Tera): { $detail }
hint-tera-undefined = шаблоны могут использовать только значения, которые даёт stend (см. README.md, раздел Themes); для необязательных пишите `x?.y` или `x is defined`
tera-missing-parent = расширяет (extends) несуществующий шаблон `{ $parent }`
xlsx-failed = справочник не помещается в электронную таблицу: { $why }
pdf-font-unreadable = не удаётся прочитать шрифт темы для PDF: { $why }
hint-pdf-font = положите шрифт в папку fonts/ темы или укажите `pdf: false` в stend.yaml
pdf-font-bad = шрифт для PDF непригоден: { $why }
pdf-failed = не удалось создать PDF { $route }: { $why }
hint-pdf-failed = сократите текст или укажите `pdf: false` в stend.yaml

## Links
link-broken = неработающая ссылка на странице { $route }: { $problem }
link-no-page = ссылка на `{ $target }`: такой страницы или файла нет
link-no-id = ссылка на `{ $target }`: на странице нет элемента с id `{ $id }`
link-fragment-not-page = ссылка на `{ $target }`: фрагменты (#…) работают только на страницах
link-empty = пустая ссылка
link-script = ссылка-скрипт `{ $target }`
link-protocol-relative = ссылка без протокола `{ $target }`: напишите полный адрес, например `{ $full }`
link-lost = страница ссылается на файл, которого нет на сайте, и саму ссылку найти снова не удалось
hint-link-slash = адрес страницы — `{ $page }`, с косой чертой в конце
hint-link-broken = ссылайтесь на существующую страницу, например `/kk/offices/`, или на id на странице, например `#p11`

## Stale data
clock-epoch = дата SOURCE_DATE_EPOCH
clock-today = сегодня
stale-index = в таблице показателя нет строки на { $year } год, год отчётной даты { $as_of }; сайт показывает как действующее значение с { $from } ({ $tenge } тенге)
hint-stale-index = добавьте строку, установленную законом о республиканском бюджете на { $year } год, например `- {"{"}from: "{ $year }-01-01", tenge: …{"}"}`, или задайте `as_of` в stend.yaml
as-of-ahead = отчётная дата { $as_of } больше чем на год позже, чем { $clock }, { $today }
hint-as-of-ahead = проверьте год; без `as_of` сайт строится на день сборки
decree-after-as-of = приказ, { $what ->
        [approved] утвердивший
       *[other] отменивший
    } стандарт (№ { $decree }), датирован { $date }, позже отчётной даты { $as_of }
hint-decree-after-as-of = проверьте дату приказа или отчётную дату (`as_of` в stend.yaml)

## Markdown
md-image = изображения в содержании не поддерживаются (`{ $src }`)
md-link-control = ссылка на `{ $url }` содержит управляющие символы
md-link-protocol-relative = ссылка на `{ $url }` без протокола (начинается с `//`), так нельзя
hint-md-link-protocol-relative = напишите полный адрес другого сайта, например `{ $full }`
md-link-scheme = ссылка на `{ $url }` использует схему `{ $scheme }:`, так нельзя

## The command line
unknown-lang = у stend нет сообщений на языке `{ $lang }`; выберите en, kk или ru
cli-built = собрано страниц: { $pages } (файлов: { $files }, { $kb } KB) в { $out } за { $ms } мс
cli-built-verbose = каталог проекта { $root }, потоков { $threads }
cli-no-problems = ошибок нет
cli-only-warnings = ошибок нет, { $warnings } (выше)
cli-checked = проверено страниц всех выпусков: { $pages }; { $found } ({ $ms } мс)
cli-schemas = записано схем: { $count }, в { $out }

## The preview server
serve-rebuilt = пересобрано за { $ms } мс: { $summary } ({ $why })
serve-rendered-all = отрисованы все страницы: { $pages }
serve-rendered-some = отрисовано { $rendered } из { $pages } страниц, остальные не изменились
serve-failed = сборка не удалась ({ $why }); по-прежнему отдаётся последняя удачная сборка:
serve-no-root = по пути { $dir } нет каталога проекта
hint-serve-no-root = укажите каталог с stend.yaml через --root или запустите stend в нём
serve-cannot-listen = не удаётся слушать { $addr }: { $why }
hint-serve-port = возможно, порт занят другой программой; попробуйте `--port 0`, чтобы взять свободный
serve-no-address = не удаётся прочитать адрес, который слушает сервер: { $why }
serve-cannot-watch = не удаётся следить за { $dir }: { $why }
serve-first-failed = первая сборка не удалась (см. выше); исправьте ошибку, и страница перезагрузится
serve-first-built = { $pages } страниц за { $ms } мс
serve-serving = сайт доступен по адресу { $url } ({ $state }); изменения в { $dir } отслеживаются, остановка — Ctrl-C
serve-cannot-start = не удаётся запустить сервер: { $why }
serve-stopped = сервер остановился: { $why }
serve-and-more = { $names } и ещё { $count }
panel-title = сборка не удалась
panel-heading = сайт не собирается
panel-stale = последнее изменение не собирается; эта страница — последняя удачная сборка.
panel-close = Закрыть

## Indentation
yaml-indent-slip = `{ $key }` с отступом в { $indent ->
        [one] { $indent } пробел
        [few] { $indent } пробела
       *[other] { $indent } пробелов
    }, а `{ $sibling }` в строке { $line } — с отступом в { $sibling_indent }
yaml-indent-under-value = `{ $key }` с отступом глубже, чем `{ $sibling }` в строке { $line }, у которого уже есть значение
hint-yaml-indent = сделайте отступ ровно как у `{ $sibling }` в строке { $line }: к какому отображению относится ключ, YAML понимает только по отступу

## Производные языки (stend.yaml `derive_from`, `transliteration`)
translit-letter-left = у буквы «{ $letter }» (в слове «{ $word }») нет соответствия в `{ $scheme }`, и текст `{ $lang }`, получаемый из `{ $from }`, сохранил бы её: напишите слово казахскими буквами или задайте текст `{ $lang }` сами
derived-needs-scheme = язык `{ $code }` производный, но транслитерация не указана
scheme-needs-source = у языка `{ $code }` указана транслитерация, но нет `derive_from`
scheme-unknown = транслитерация `{ $name }` stend не известна
hint-schemes-are = транслитерации: { $names }
derive-from-unknown = `{ $from }` — не письменный язык этого сайта
scheme-wrong-source = `{ $name }` транслитерирует `{ $source }`, а не `{ $from }`
ui-string-unknown = `{ $key }` — не строка интерфейса темы
hint-ui-string-unknown = файл производного языка может только заменять строки из { $file }
translit-html = страницу не удалось транслитерировать: { $why }
translit-page-left = на странице `{ $lang }` по этому шаблону осталась кириллическая буква «{ $letter }» (в «{ $word }»); перенесите текст в строки интерфейса темы или отметьте текст, который остаётся на другом языке, его `lang`
translit-own-cyrillic = в этом тексте `{ $lang }` есть кириллическая буква «{ $letter }» (в «{ $word }»): напишите его латиницей или удалите файл, чтобы он получался из кириллического
