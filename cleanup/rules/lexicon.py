"""Word knowledge for the rules: word frequencies (wordfreq) and the shipped cased tables.

wordfreq is a maintained, multilingual frequency list that covers every supported
language, so split decisions do not need a hand-built dictionary. The cased tables
(``data/<lang>/cased.tsv``, built by ``scripts/build_cased_table.py`` from the project's
corpus) add what wordfreq lacks: how a word is usually *capitalised*.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WORDFREQ_LANGUAGES = frozenset({"en", "es", "fr", "de", "pt", "it", "nl", "pl", "ru", "uk"})


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (case-insensitive) in ``lang``; 0.0 when unknown.

    >>> zipf("stressed", "en") > 3.0, zipf("zelenskystressed", "en")
    (True, 0.0)
    """
    if lang not in WORDFREQ_LANGUAGES:
        return 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


@lru_cache(maxsize=None)
def _sorted_word_list(lang: str, reverse_words: bool) -> list[str]:
    """wordfreq's whole list for ``lang`` (321,000 English words), sorted, each word spelt
    backwards if ``reverse_words``: words sharing a beginning (or an end) stand together."""
    from wordfreq import iter_wordlist

    return sorted(word[::-1] if reverse_words else word for word in iter_wordlist(lang, "best") if word.isalpha())


def listed_words_around(piece: str, lang: str, at_start: bool) -> list[str]:
    """The listed words longer than ``piece`` that begin with it (``at_start``) or end with it:
    ``statement`` begins only its plural, ``ness`` ends over a thousand.

    >>> listed_words_around("statement", "en", True), len(listed_words_around("ness", "en", False)) > 1000
    (['statements'], True)
    """
    if lang not in WORDFREQ_LANGUAGES:
        return []
    words = _sorted_word_list(lang, not at_start)
    key = piece if at_start else piece[::-1]
    found = []
    for word in words[bisect.bisect_right(words, key):]:
        if not word.startswith(key):
            break
        found.append(word if at_start else word[::-1])
    return found


def known_anywhere(word: str, lang: str) -> float:
    """The word's frequency in its language or in English (names and brands travel)."""
    return max(zipf(word, lang), zipf(word, "en"))


@dataclass(frozen=True)
class CasedForm:
    capitalised: str
    capitalised_count: int
    lower_count: int


def table_rows(lang: str, name: str) -> list[list[str]]:
    """The tab-separated rows of ``data/<lang>/<name>`` (``#`` comments skipped); none when
    the language has no such table."""
    try:
        data = resources.files("cleanup.rules").joinpath("data", lang, name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return []
    return [line.split("\t") for line in data.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=None)
def comma_counts(lang: str) -> tuple[dict[str, tuple[int, int, int, int]], tuple[float, float]]:
    """lower-case word → (after a capitalised word: with a comma before it, without; after a
    lower-case word: with, without), from ``data/<lang>/comma_before.tsv``; and the comma's
    rate over all listed words after a capitalised and after a lower-case word."""
    table = {word: (int(a), int(b), int(c), int(d)) for word, a, b, c, d in table_rows(lang, "comma_before.tsv")}
    sums = [sum(row[i] for row in table.values()) for i in range(4)]
    rates = tuple(with_comma / (with_comma + without) if with_comma + without else 0.0
                  for with_comma, without in (sums[0:2], sums[2:4]))
    return table, rates


@lru_cache(maxsize=None)
def comma_suffix_counts(lang: str) -> dict[str, tuple[int, int, int, int]]:
    """The same counts for the words ``comma_before.tsv`` lacks, by their last letters
    (``data/<lang>/comma_before_suffix.tsv``): ``ing`` → words in ``-ing``."""
    return {suffix: (int(a), int(b), int(c), int(d)) for suffix, a, b, c, d in table_rows(lang, "comma_before_suffix.tsv")}


@lru_cache(maxsize=None)
def opener_comma_counts(lang: str) -> dict[str, tuple[int, int]]:
    """A sentence's first words in lower case (``after all``, ``según él``) → how often the corpus
    follows them with a comma, and with anything else (``data/<lang>/comma_after_opener.tsv``,
    ``scripts/build_opener_table.py``; only phrases seen with a comma 5 times or more)."""
    return {phrase: (int(comma), int(other)) for phrase, comma, other in table_rows(lang, "comma_after_opener.tsv")}


@lru_cache(maxsize=None)
def cased_table(lang: str) -> dict[str, CasedForm]:
    """lower-case word → how often the corpus writes it capitalised vs lower-case mid-sentence."""
    return {lower: CasedForm(cap, int(n_cap), int(n_lower)) for lower, cap, n_cap, n_lower in table_rows(lang, "cased.tsv")}


def is_known_name(word: str, lang: str) -> bool:
    """A capitalised word the corpus uses mid-sentence (a name, or a German noun)."""
    form = cased_table(lang).get(word.lower())
    return form is not None and form.capitalised == word


def mostly_capitalised(word: str, lang: str, ratio: float = 3.0) -> bool:
    """Whether the corpus writes ``word`` capitalised far more often than lower-case."""
    form = cased_table(lang).get(word.lower())
    return form is not None and form.capitalised_count >= ratio * max(1, form.lower_count)


def rarely_capitalised(word: str, lang: str) -> bool:
    """The cased table writes it in lower case at least 4 times as often, or never lists it."""
    form = cased_table(lang).get(word.lower())
    return form is None or form.lower_count >= 4 * max(1, form.capitalised_count)


def written_lower_case(word: str, lang: str) -> bool:
    """Whether the corpus writes ``word`` in lower case mid-sentence (at least 3 times) and
    almost never capitalised there (fewer than 3 times: not in the cased table), as
    ``data/<lang>/lowercase.txt`` lists: a verb (``Considera``, German ``Ging``), not a name.

    >>> written_lower_case("Including", "en"), written_lower_case("Kyiv", "en")
    (True, False)
    """
    return word.lower() in word_list(lang, "lowercase")


#: A word the article's corpus lacks is a name when the other corpora capitalise it this often
#: in all and never write it in lower case (``kim``, ``hitchcock``, ``gelsenkirchen`` in Spanish).
NAME_ELSEWHERE_MIN_CAPITALISED = 3
#: ...and no commoner (Zipf) in the article's language than in theirs by more than this: a name is
#: about as frequent everywhere (``bashar``: pt 2.96, en 2.87), a word most in its own language
#: (Spanish ``insta`` 3.65 against English ``Insta`` 3.28).
NAME_ELSEWHERE_ZIPF_MARGIN = 0.25


def name_elsewhere(word: str, lang: str) -> tuple[int, list[str]] | None:
    """How often the other corpora capitalise a lower-case ``word`` that ``lang``'s cased table
    lacks, and which, where it is a name to them (None where it is not): capitalised at least
    ``NAME_ELSEWHERE_MIN_CAPITALISED`` times in all, never written in lower case by any corpus,
    and no commoner (wordfreq) in ``lang`` than in those corpora's languages. A word rare in
    ``lang`` (:data:`RARE_NAME_SEEN_ZIPF`) needs to have been capitalised only twice, by any
    corpora, the article's own included (:func:`names_seen`: ``epson``, ``medicaid`` in Portuguese).

    >>> name_elsewhere("hitchcock", "es"), name_elsewhere("castillo", "es"), name_elsewhere("insta", "es")
    ((5, ['pt']), None, None)
    >>> name_elsewhere("medicaid", "pt"), name_elsewhere("serenata", "pt")
    ((3, ['en', 'fr']), None)
    """
    from ..config import SUPPORTED_LANGUAGES

    if word in cased_table(lang):
        return None
    # Not German's table: German capitalises every noun (``Assistent``), not only names.
    forms = {other: form for other in SUPPORTED_LANGUAGES if other not in (lang, "de")
             and (form := cased_table(other).get(word)) is not None}
    capitalised = sum(form.capitalised_count for form in forms.values())
    if (capitalised < NAME_ELSEWHERE_MIN_CAPITALISED or any(form.lower_count for form in forms.values())
            or any(written_lower_case(word, other) for other in SUPPORTED_LANGUAGES)):
        return _rare_name_seen(word, lang)
    if zipf(word, lang) > max(zipf(word, other) for other in forms) + NAME_ELSEWHERE_ZIPF_MARGIN:
        return None  # commoner in its own language than where it is a name: a word there (Spanish ``insta``)
    return capitalised, sorted(forms)


#: Below this Zipf frequency in the article's language a word that the corpora capitalise at
#: least twice and never write in lower case is a name (``priebke``, ``medicaid``, ``goya`` 2.96
#: in Portuguese). Commoner words seen so are words in a name or a title elsewhere (Portuguese
#: ``serenata`` 3.01, ``locomotiva``, Spanish ``cortina``, Italian ``volt``); a word capitalised
#: once is as often a word in a title (Spanish ``infielder``, ``tribuno``), which the model then
#: capitalised in clean read lines. Of the held-out lines of the six corpora (14,000), 13
#: lower-case words would be hinted without these bounds, none with them.
RARE_NAME_SEEN_ZIPF = 3.0
RARE_NAME_SEEN_MIN_CAPITALISED = 2


@lru_cache(maxsize=None)
def names_seen() -> dict[str, tuple[int, tuple[str, ...]]]:
    """lower-case word → how often the corpora capitalise it, and which, for the words they never
    write in lower case and capitalise at least :data:`RARE_NAME_SEEN_MIN_CAPITALISED` times
    (``data/common/names_seen.tsv``, built by ``scripts/build_cased_table.py`` from the training
    split of the Latin-script corpora, Dutch and Polish included)."""
    return {word: (int(count), tuple(langs.split(","))) for word, count, langs in table_rows("common", "names_seen.tsv")}


def _rare_name_seen(word: str, lang: str) -> tuple[int, list[str]] | None:
    """:func:`name_elsewhere` for a word rare in ``lang`` that some corpus capitalises."""
    from ..config import SUPPORTED_LANGUAGES

    if (seen := names_seen().get(word)) is None or (own_zipf := zipf(word, lang)) >= RARE_NAME_SEEN_ZIPF:
        return None
    capitalised, languages = seen
    # Where only the article's own corpus capitalises it (twice: its cased table needs 3), it is
    # weighed against every other language.
    others = [other for other in languages if other != lang] or [other for other in SUPPORTED_LANGUAGES if other != lang]
    if own_zipf > max(zipf(word, other) for other in others) + NAME_ELSEWHERE_ZIPF_MARGIN:
        return None
    return capitalised, list(languages)


@lru_cache(maxsize=None)
def word_list(lang: str, name: str) -> frozenset[str]:
    """A plain word list shipped in ``data/<lang>/<name>.txt`` (``#`` comments allowed)."""
    try:
        data = resources.files("cleanup.rules").joinpath("data", lang, f"{name}.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip() for w in data.splitlines() if w.strip() and not w.startswith("#"))


#: Articles of the languages with language-aware rules: a title in sentence case starts with
#: one (``son livre La planète bleue``), and a preposition is glued to one (``dela``).
ARTICLES = {lang: frozenset(words.split()) for lang, words in {
    "en": "the a an", "es": "el la los las un una unos unas lo", "fr": "le la les un une des",
    "it": "il lo la i gli le un uno una", "pt": "o a os as um uma uns umas"}.items()}


#: Conjunctions of the supported languages, which join the words of names and titles
#: (``Research and Development``, ``Ministerio de Sanidad y Consumo``, ``l'epatite A ed E``).
CONJUNCTIONS = frozenset("and or y e ed o ou et und oder".split())

#: Articles, possessives, demonstratives and quantifiers: a word after one heads a noun
#: phrase, a name's or a title's start (``la Sûreté``, ``nuestra Vía Láctea``), and German
#: writes any adjective or verb as a noun there (``das Aus``, ``zum Halten``, ``vielen Belegen``).
DETERMINERS = {lang: frozenset(words.split()) for lang, words in {
    "en": "the a an this that these those my your his her its our their",
    "es": "el la los las un una unos unas lo al del mi mis tu tus su sus nuestro nuestra nuestros nuestras "
          "este esta estos estas ese esa esos esas aquel aquella",
    "fr": "le la les un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre "
          "vos leur leurs",
    "pt": "o a os as um uma uns umas ao aos do da dos das no na nos nas meu minha seu sua nosso nossa "
          "este esta esse essa",
    "it": "il lo la i gli le un uno una al allo alla ai agli alle del dello della dei degli delle nel nella "
          "mio mia suo sua nostro nostra questo questa",
    "de": "der die das dem den des ein eine einem einen einer eines kein keine keinem keinen keiner keines "
          "mein meine meinem meinen meiner meines dein deine sein seine seinem seinen seiner seines ihr ihre "
          "ihrem ihren ihrer ihres unser unsere unserem unseren unserer euer eure jenes dieses alles etwas "
          "irgendein irgendeine viel wenig nichts am im vom zum zur beim ins ans aufs "
          "diese diesen diesem dieser alle allen aller viele vielen vieler wenige wenigen jede jeden jedem "
          "jeder manche manchen beide beiden"}.items()}


#: Abbreviated titles before a name (``Ms.Nathiri``, ``M. Tripodi``, ``Mrs amirthalinga``):
#: whatever follows one is a name; English ones are read in every language.
TITLES = {lang: frozenset(words.split()) for lang, words in {
    "en": "Mr Mrs Ms Dr Prof", "es": "Sr Sra Srta Dr Dra", "fr": "M Mme Mlle Dr Pr",
    "pt": "Sr Sra Dr Dra", "it": "Sig Dott Avv Prof", "de": "Hr Fr Dr Prof"}.items()}


def is_title(word: str, lang: str) -> bool:
    return word in TITLES.get(lang, ()) or word in TITLES["en"]


#: Connectives that open a sentence and take a comma in news prose (not German, which puts
#: the verb after them, nor ``Ainsi``, ``Alors``, ``Still``, which open sentences without one);
#: and the word for yes, which takes one as well (``Yes,`` 132 times against 4 without in the
#: English corpus, ``Oui,`` 20:3, ``Sí,`` 7:1, ``Sim,`` 4:0, ``Sì,`` 6:0).
#: Finite auxiliaries, modals and copulas, which a capitalised glue or a lost comma may put after
#: their subject (``ItIs``, ``Administration Has left``, German ``muss Risiken Eingehen``).
FINITE_AUXILIARIES = {lang: frozenset(words.split()) for lang, words in {
    "en": "is are was were can could must will would shall should may might do does did has have had",
    "fr": "est sont était étaient ont avait avaient va vont sera seront peut peuvent doit doivent",
    "de": "muss müssen musste mussten kann können konnte konnten soll sollen sollte sollten will wollen wollte "
          "wollten darf dürfen durfte würde würden wird werden wurde wurden ist sind war waren hat haben hatte "
          "hatten habe"}.items()}

CONNECTIVES = {lang: frozenset(words.split("|")) for lang, words in {
    "en": "however|moreover|furthermore|meanwhile|nevertheless|nonetheless|otherwise|therefore|consequently|"
          "additionally|instead|likewise|similarly|accordingly|in addition|in fact|of course|for example|"
          "for instance|in contrast|on the other hand|yes",
    "fr": "cependant|néanmoins|pourtant|toutefois|enfin|en outre|par ailleurs|d'ailleurs|d’ailleurs|"
          "par conséquent|en effet|de plus|finalement|bref|en revanche|en fait|par exemple|oui",
    "es": "sin embargo|no obstante|además|asimismo|por otra parte|por lo tanto|por tanto|finalmente|"
          "mientras tanto|por ejemplo|de hecho|por otro lado|en cambio|por su parte|en realidad|sí",
    "pt": "contudo|entretanto|porém|todavia|no entanto|além disso|portanto|finalmente|por exemplo|aliás|"
          "de fato|por outro lado|ainda assim|ao todo|por isso|na verdade|desta forma|dessa forma|sim",
    "it": "tuttavia|inoltre|pertanto|comunque|infine|insomma|peraltro|per esempio|in effetti|d'altra parte|"
          "d’altra parte|ciononostante|per favore|in realtà|invece|sì"}.items()}

#: German prepositions and articles in one word (``zum``, ``im``): unlike an article never a
#: pronoun (a noun follows even at a sentence's start: ``Zum ersten Mal``), and after a noun
#: a function word rather than a title's start (``Wetter Am 30.``).
GERMAN_CONTRACTIONS = frozenset("am im vom zum zur beim ins ans aufs".split())

#: German subordinating conjunctions, which open a clause and follow no preposition.
GERMAN_SUBORDINATORS = frozenset("dass weil obwohl wenn ob nachdem bevor damit sodass falls sobald".split())
