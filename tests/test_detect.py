"""``cleanup detect``: languages per block and the artifacts found, nothing changed; exit 1
when any artifact is found, 0 when none, 2 for unreadable input."""

from __future__ import annotations

import json

import pytest

from cleanup.cli import app


def test_detect_lists_block_languages_and_findings(runner, tmp_path, article_en):
    path = tmp_path / "forces.txt"
    path.write_text(article_en, encoding="utf-8")
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code == 1
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "article: en"
    assert lines[1:7] == ["block 0 [title] en", "block 1 [byline] en", "block 2 [body] en", "block 3 [caption] en",
                          "block 4 [body] en", "block 5 [source] en"]
    assert lines[7].startswith("block 0 [title] en: casing.proper_noun: 'kyiv' — ")
    assert any(line.startswith("block 2 [body] en: merge.case_boundary: 'ForcesThey' — ") for line in lines)
    assert any(line.startswith("block 2 [body] en: spacing.after_punct: '' — ") for line in lines)
    assert lines[-1] == "3 artifacts found in 2 of 6 blocks"
    assert path.read_text(encoding="utf-8") == article_en  # nothing changed


def test_detect_exit_0_when_nothing_is_found(runner, article_clean):
    result = runner.invoke(app, ["detect", "-"], input=article_clean)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "no artifacts found"


def test_detect_json(runner, article_en):
    result = runner.invoke(app, ["detect", "-", "--json"], input=article_en)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["path"] == "-" and data["encoding"] == "utf-8"
    assert data["language"]["article"] == "en"
    assert [b["kind"] for b in data["blocks"]] == ["title", "byline", "body", "caption", "body", "source"]
    assert {f["rule"] for f in data["findings"]} == {"casing.proper_noun", "merge.case_boundary",
                                                     "spacing.after_punct"}
    assert data["findings_by_kind"] == {"casing": 1, "merge": 1, "spacing": 1}
    kyiv = next(f for f in data["findings"] if f["rule"] == "casing.proper_noun")
    start = article_en.index("kyiv")
    assert (kyiv["block"], kyiv["text"], kyiv["start"], kyiv["end"]) == (0, "kyiv", start, start + 4)
    assert data["signature"]["model"] is None


def test_detect_disable_rule(runner, article_en):
    result = runner.invoke(app, ["detect", "-", "--json", "--disable-rule", "casing", "--disable-rule", "merge"],
                           input=article_en)
    assert {f["rule"] for f in json.loads(result.stdout)["findings"]} == {"spacing.after_punct"}
    assert result.exit_code == 1
    none = runner.invoke(app, ["detect", "-", "--disable-rule", "casing", "--disable-rule", "merge",
                               "--disable-rule", "spacing"], input=article_en)
    assert none.exit_code == 0 and none.stdout.endswith("no artifacts found\n")


def test_detect_unreadable_input_exits_2(runner, tmp_path):
    missing = runner.invoke(app, ["detect", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2
    assert missing.stdout == ""
    assert missing.stderr == f"cleanup: error: {tmp_path / 'nope.txt'}: no such file\n"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["detect", str(empty), "--json"])
    assert result.exit_code == 2 and result.stdout == "" and "empty" in result.stderr
    bad_lang = runner.invoke(app, ["detect", str(empty), "--lang", "e1"])
    assert bad_lang.exit_code == 2 and "--lang" in bad_lang.stderr


def test_detect_notes_a_non_utf8_encoding_on_stderr(runner, tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Les négociations reprennent à Paris après une longue pause.\n".encode("cp1252"))
    result = runner.invoke(app, ["detect", str(path)])
    assert result.exit_code in (0, 1)
    assert "was read as" in result.stderr and "not UTF-8" in result.stderr
    assert "was read as" not in result.stdout


def test_a_two_letter_name_or_function_word_glued_to_a_capital_is_a_glue_candidate_and_a_brand_is_not():
    from cleanup.rules.merge import case_glue_candidate

    assert case_glue_candidate("XiJinping", "en") == ("Xi", "Jinping")
    assert case_glue_candidate("InVienna", "en") == ("In", "Vienna")
    assert case_glue_candidate("AmCham", "pt") is None


def test_detector_hints_an_inner_capital_the_rules_leave_whole():
    from cleanup.detect import suspicious_spans

    text = ("Dennis QuaidIndignado dijo que YouTube, McDonald, WeWork, AmCham y SpaceX no, y los inscritos en "
            "LongBeach")  # two letters that are no function word nor a name start a brand (AmCham)
    hinted = [text[s.start:s.end] for s in suspicious_spans(text, "es", hints=True) if s.rule == "hint.case_glue"]
    assert hinted == ["QuaidIndignado", "LongBeach"]
    assert not any(s.rule.startswith("hint.") for s in suspicious_spans(text, "es"))  # hints are for the model only


@pytest.mark.parametrize("text, lang, hinted", [
    ("a focus on ensuring tranquility Peace and trust", "en", ["tranquility Peace"]),
    # names, a title-case headline, German nouns the cased table does not list: no hint
    ("President Joe Biden met Angela Merkel in Paris on Monday.", "en", []),
    ("Court Reduces Sentences of Prague Gang", "en", []),
    ("Der Präsident hat die Verkehrsminister in Paris getroffen.", "de", []),
])
def test_detector_hints_a_common_word_capitalised_in_mid_sentence(text, lang, hinted):
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans if s.rule == "hint.capital"] == hinted
    assert not any(s.rule == "hint.capital" for s in suspicious_spans(text, lang))


@pytest.mark.parametrize("text, lang, hinted", [
    ("from the Independence of Kazakh Country, saying we are", "en", ["Kazakh Country"]),
    # a name going on, a possessive, a noun names often end with, German nouns: no hint
    ("Neil Hunter From Sittingbourne was supposed to leave", "en", []),
    ("as James Milner's crossing found Bobby", "en", []),
    ("as the Hokuriku Shinkansen Line is expected to open", "en", []),
    ("Die Firma Abfallentsorgung hat geschlossen", "de", []),
])
def test_detector_hints_a_common_word_capitalised_after_a_name(text, lang, hinted):
    """``Fastow Pleaded guilty``: after a capitalised word a capital may be a name running on,
    so the evidence asked for is stronger, and the span has its own floor."""
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans if s.rule == "hint.capital_after_name"] == hinted
    assert not any(s.rule.startswith("hint.") for s in suspicious_spans(text, lang))


@pytest.mark.parametrize("text, lang, hinted", [
    ("he said Adding that modern technology helps", "en", ["said Adding"]),
    ("había cumplido todos sus sueños Considera que estaba", "es", ["sueños Considera"]),
    ("At first Trump Considered the deal to be", "en", ["Trump Considered"]),
    ("In January 2004, Fastow Pleaded guilty to two counts", "en", ["Fastow Pleaded"]),
    # prose dense with names is no headline: the capital in question does not count for one
    ("The decision was made after consulting with President Maia Sandu, Gavrilita Reported on Friday, February 10.",
     "en", ["Gavrilita Reported"]),
    ("delivered to the arctic region of Russia Forming a battalion", "en", ["Russia Forming"]),
    # German too, where the list tells a verb from a noun
    ("Um dem Tier zu helfen Riefen die Passanten die Polizei", "de", ["helfen Riefen"]),
    ("Seine Stieftochter Ging nach Plymouth, wo sie studierte.", "de", ["Stieftochter Ging"]),
    # after an article or a preposition German writes adjectives and verbs as nouns; names: no hint
    ("Das bringt das Programm zum Halten und die Lampe", "de", []),
    ("Wir sind die Einzigen im Großraum Linz", "de", []),
    # after a preposition, a conjunction or an article names and titles start, and go on
    ("el jefe del Ministerio de Planificación y Presupuesto dijo", "es", []),
    ("Branagh was starring in Comedy of Errors last year", "en", []),
    ("la policía de la Sûreté du Québec ha dicho", "es", []),
    ("tan poco preparado para ser Comandante en Jefe como Donald Trump", "es", []),
    ("President Joe Biden met Angela Merkel in Paris on Monday.", "en", []),
])
def test_detector_hints_a_word_the_corpus_writes_only_in_lower_case_capitalised(text, lang, hinted):
    """``sueños Considera que``: the corpus never capitalises it in mid-sentence, the strongest
    evidence the lists have that a capital is a link's trace; the span has its own floor."""
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans
            if s.rule in ("hint.capital_lowercase_word", "hint.capital_verb")] == hinted
    assert not any(s.rule.startswith("hint.") for s in suspicious_spans(text, lang))


@pytest.mark.parametrize("text, lang, verb", [
    ("In January 2004, Fastow Pleaded guilty to two counts", "en", "Fastow Pleaded"),
    ("delivered to the arctic region of Russia Forming a battalion", "en", "Russia Forming"),
    ("staying in the Czech Republic Namely in the city of Olomouc", "en", "Republic Namely"),
    ("the vice-chairman Chen Hailing, chairman of the board", "en", None),  # a name: a comma follows
    ("he said Adding that modern technology helps", "en", "said Adding"),
    ("then the Bible Wouldn't contain anything that it does", "en", "Bible Wouldn't"),
    ("when the Cronulla Sharks won the game", "en", None),  # no verb ending: the model may keep it
    # German: a participle or a finite verb in -t, also at the end of a sentence full of nouns
    ("Der Chef der Behörde wurde entlassen, nachdem Trump Comey Gefeuert hatte.", "de", "Comey Gefeuert"),
    ("Die Schließung des chinesischen Konsulats wurde in Houston Angeordnet.", "de", "Houston Angeordnet"),
    ("Das sagte die in St. Louis Geborene am Montag.", "de", None),  # a participle made a noun
    # the past tense in Spanish and Portuguese, also after a name, where adjectives may follow
    ("El presidente de la región, Miloš Vystrčil Entregó a finales de octubre la carta.", "es", "Vystrčil Entregó"),
    ("O ministro Paulo Souza Afirmou que a lei vale.", "pt", "Souza Afirmou"),
    ("Os dirigentes do Flamengo Afirmaram que o clube vai recorrer.", "pt", "Flamengo Afirmaram"),
    ("El Congreso Norteamericano aprobó la ley.", "es", None),
    # a German separable verb's zu-infinitive, which no noun spells
    ("Er nutzte den Auftritt, um mehr Länder Aufzufordern, Gesetze zu ändern.", "de", "Länder Aufzufordern"),
    # a German verb the corpus writes only in lower case, before its subject
    ("Zur Information Sende ich Ihnen ein Transkript.", "de", "Information Sende"),
    ("Sie wissen, wie viel Geld ich verdiene.", "de", None),  # a noun before "ich"
    ("Seine Stieftochter Ging nach Plymouth, wo sie lebte.", "de", "Stieftochter Ging"),  # a strong past tense
    ("Die Situation in Kaesong Könnte eine Katastrophe auslösen.", "de", "Kaesong Könnte"),  # a modal no noun spells
    ("Das ist eine Frage der Würde für alle.", "de", None),  # "Würde" is a noun too
    ("No Sudeste Houve a retração mais forte, de 8,4 por cento.", "pt", "Sudeste Houve"),  # an irregular past
    ("Se Dudu Estiver recuperado, ele será o companheiro de Deyverson.", "pt", "Dudu Estiver"),
    ("Er vergleicht sie mit seinen gemeinnützigen Gaben und Spenden.", "de", None),  # "Gaben" is a noun too
    ("Er hielt in mehreren Sprachen ein leidenschaftliches Plädoyer.", "de", None),  # the corpus's noun too
    # a past tense reports speech before its speaker's name
    ("Es el tipo de cambio del yen Explicó Noda ayer.", "es", "yen Explicó"),
    ("O clube vai recorrer da decisão Afirmou Almeida ontem.", "pt", "decisão Afirmou"),
    ("Lo scopo del governo Dichiarò Renzi è chiaro.", "it", "governo Dichiarò"),
    ("Il a déclenché une certaine magie Avoua Jens Lehmann, partisan de Babbel.", "fr", "magie Avoua"),
    ("Le joueur a rejoint Alberto Sofia Déclara son agent.", "fr", "Sofia Déclara"),  # a verb of saying, not -a
    ("Il a joué avec Maria Sofia Barcelona hier.", "fr", None),
    # the present and the imperfect where no noun or adjective ends so
    ("No fim da conversa, Zeca Temos uma casa nova, disse.", "pt", "Zeca Temos"),
    ("Isto posto Podemos afirmar que sim.", "pt", "posto Podemos"),
    ("Fotos de Claudia Guimarães, da Folha Imagem.", "pt", None),  # -agem makes nouns
    ("Le Vieux Continent est plongé dans une crise.", "fr", None),  # -ent makes nouns
    ("Les géants Facebook et Youtube Mènent une campagne commune.", "fr", "Youtube Mènent"),  # -ènent does not
    ("Il vantaggio del Partito Repubblicano è stato sostenuto.", "it", None),  # -ano makes adjectives
    # a plural verb too rare for the lower-case list, known in its language better than anywhere
    ("Casos como o da Lusotur ou Aliança Seguradora Ilustram de forma pouco favorável a segurança.", "pt",
     "Seguradora Ilustram"),
    ("A empresa construtora Amadeu Gaudêncio venceu a obra.", "pt", None),  # -eu ends names too
    ("Piove, fa freddo, e la Scozia Resterà parte del Regno Unito.", "it", "Scozia Resterà"),  # the future
    ("Nesse sentido Encaixa-se o trabalho apresentado.", "pt", "sentido Encaixa-se"),  # a verb and its pronoun
    ("Não é o BNDES que vai correr atrás do caminhão Adicionou.", "pt", "caminhão Adicionou"),  # -ou, unlisted
    ("Em meio século Converteram Salamanca numa cidade.", "pt", "século Converteram"),  # rarer, in Portuguese
    ("Seine letzte Aktion Sorgte für Aufsehen.", "de", "Aktion Sorgte"),  # a German past tense after a noun
    ("Os níveis de investimento Verificados em 2010 caíram.", "pt", "investimento Verificados"),  # a plural participle
    ("Plano Nacional de Resíduos Sólidos, regulamentado", "pt", None),  # after a capital it ends a name
    ('"Das Interessante dabei war neu.', "de", None),  # after an article, an adjective made a noun
    ("Wir waren als Inhaftierte, sind wir heute frei.", "de", None),
    ("Foi organizado por Elena Gómez, de la Carreta Literaria Leamos.", "es", None),  # as rare, a name in Spanish
    ("In cambio Uber Riceverà un investimento.", "it", "Uber Riceverà"),
    # a common irregular past after a name; after a lower-case word a title may start
    ("The first balance sheet done on Sunday Made the voice of the people clear.", "en", "Sunday Made"),
    ("She starred in the show Made in Chelsea for years.", "en", None),
])
def test_detector_tells_a_verb_or_an_adverb_from_a_word_of_a_name(text, lang, verb):
    """A word the corpus writes only in lower case that ends as a verb form or an adverb
    (English -ed, -ing, -ly, -n't before a lower-case word; German -t; Spanish -ó, Portuguese
    -ou, -mos), capitalised in mid-sentence, ends no name: the model chooses only how to repair it
    (``hint.capital_verb``)."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, lang, hints=True) if s.rule == "hint.capital_verb"]
    assert spans == ([verb] if verb else [])


@pytest.mark.parametrize("text, flagged", [
    ("Jerry: Hast du den Anhänger Dort neben dem Müllcontainer geparkt?", "Anhänger Dort"),
    ("Wir sehen uns bei schönem Wetter Am 30. August wieder.", "Wetter Am"),  # "am" is English too, as common
    ("Wenn Sie E-Bücher von Drittanbietern Haben, können diese gelöscht werden", "Drittanbietern Haben"),
    ("Das ist wirklich ein Muss für unser Land.", None),  # after a determiner German makes a noun of it
    ("Der Senior wollte die Straße Am Wall überqueren.", None),  # a street's name: a capital follows
    ("Die Bedeutung Kataloniens Für PP ist groß.", "Kataloniens Für"),  # no name opens with "für"
    ("Er sprach auf einer Tagung Über Syrien und Irak.", "Tagung Über"),
    ("Wir trafen uns im Haus Im Park am Montag.", None),  # "Im" opens names
    ("Das teilte das Königshaus am Donnerstag Mit.", "Donnerstag Mit"),  # a separable verb's particle
    ("Im dunkel gehaltenen Hamburger Mehr!", None),  # a theatre's name ends with "!"
])
def test_detector_flags_a_german_function_word_capitalised_after_a_noun(text, flagged):
    """German capitalises nouns, not titles: a word it writes in lower case (``am``, ``dort``,
    ``haben``) capitalised right after a noun is a link's trace, which the model only
    chooses how to repair (``model.capital_function_word``, no ``keep``)."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, "de", hints=True)
             if s.rule == "model.capital_function_word"]
    assert spans == ([flagged] if flagged else [])


@pytest.mark.parametrize("text, lang, flagged", [
    ("O gol foi marcado por Diego Clementino Aos 38 minutos do segundo tempo.", "pt", "Clementino Aos"),
    ("Foi a capital da província, Córdoba Até 1947.", "pt", "Córdoba Até"),
    ("Ele vive na região do Entre Douro e Minho.", "pt", None),  # a region's name
    ("E em 2008 editou Aos Olhos de Deus, um disco.", "pt", None),  # a title after a lower-case word
    ("C'est Au Bonheur du Jour qu'il faut aller.", "fr", None),  # after the sentence's first word
    ("Los vínculos con el grupo terrorista Al Qaeda en el Magreb.", "es", None),  # "al" opens names
    ("Finland has lost three matches out of four and faces Slovenia On Sunday.", "en", "Slovenia On"),
    ("The season ended on a frantic final day, while Bournemouth And Watford were relegated to end their stay.",
     "en", "Bournemouth And"),
    ("The film was a sequel to Pride And Prejudice in the cinemas.", "en", None),  # "pride" is a word too
    ("He sang the song of Australian The Divinyls on stage.", "en", None),  # "The" opens names
])
def test_detector_flags_a_preposition_capitalised_after_a_name(text, lang, flagged):
    """In es, fr, pt and it a preposition their corpora never capitalise after a capitalised
    word, even in names and titles, and in English one after a name the corpus never writes in
    lower case, is a link's trace there: the model may not keep it, only choose a comma or
    lower case (``model.capital_function_word``)."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, lang, hints=True)
             if s.rule == "model.capital_function_word"]
    assert spans == ([flagged] if flagged else [])


@pytest.mark.parametrize("text, flagged", [
    ("weil mein Kopf gerade alles zerdenkt Was man zerdenken kann.", "zerdenkt Was"),  # German "was"
    ('"Ich glaube Unsere Mentalität ist groß", sagte er.', "glaube Unsere"),
    ("Er lief los und sie jedem aufschwatzen Ich bin müde.", "aufschwatzen Ich"),
    ("Eine Verschmutzung der nahe gelegenen Seine ist möglich.", None),  # the river
    ("Nach dem blamablen Aus im Ligacup verliert United.", None),  # a noun after an adjective
    ("Die Durchsetzung erfolgt ohne Wenn und Aber.", None),  # nouns after a preposition
    ("Wir sind ein Unternehmen auf der Isle of Man, und gern.", None),  # English
])
def test_detector_flags_a_german_clause_opener_capitalised_after_a_verb(text, flagged):
    """A conjunction, a pronoun or a possessive capitalised after a German verb or adverb is a
    link's trace (repaired, never kept: comma or lower case)."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, "de", hints=True)
             if s.rule == "model.capital_function_word"]
    assert spans == ([flagged] if flagged else [])


@pytest.mark.parametrize("text, flagged", [
    ("Wenn Sie mit Ihrem Kauf zufrieden sind Geben Sie ein Feedback ab.", "sind Geben"),
    ("Wie haben Sie es gemacht, und hat Blair es gesehen?", None),  # a name, then its pronoun
    ("Wenn Sie es wollen, können Sie sie haben.", None),  # formal address
])
def test_detector_flags_a_german_verb_opening_the_main_clause_after_an_auxiliary(text, flagged):
    """An auxiliary ends the subordinate clause; a capitalised verb, then its subject pronoun,
    opens the main one: the comma before it was lost with the capital."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, "de", hints=True)
             if s.rule == "model.capital_function_word"]
    assert spans == ([flagged] if flagged else [])


def test_a_camel_case_run_the_article_repeats_is_a_brand_not_a_glue_hint():
    """``PopularMax`` in every paragraph of its story: a link boundary seldom falls twice on the
    same two words. Once, it is a hint for the model (a name glued to a word, or a brand)."""
    from cleanup.detect import suspicious_spans
    from cleanup.rules.context import ArticleContext

    article = "Dans ces agences de PopularMax ils vendent.\n\nPopularMax a ouvert dix agences."
    first_line = article.split("\n")[0]
    repeated = suspicious_spans(first_line, "fr", ArticleContext.of_text(article), hints=True)
    alone = suspicious_spans(first_line, "fr", ArticleContext.of_text(first_line), hints=True)
    assert repeated == []
    assert [(first_line[s.start:s.end], s.rule) for s in alone] == [("PopularMax", "hint.case_glue")]


def test_detector_hints_a_lower_case_word_often_capitalised_before_a_name():
    from cleanup.detect import suspicious_spans

    text = "Fighting went on in northern Iraq and in the northern part of the country."
    hinted = [(s.start, text[s.start:s.end]) for s in suspicious_spans(text, "en", hints=True)
              if s.rule == "hint.lowercase_name"]
    assert hinted == [(text.index("northern"), "northern")]  # not the second: no capital follows it


@pytest.mark.parametrize("text, lang, rule", [
    ("Next week, said watzke, the club will decide.", "en", "hint.rare_lowercase_name"),  # 3 times, only capitalised
    ("An aunt of aylan Kurdi lives in Canada.", "en", "hint.rare_lowercase_name"),
    ("The inspectorate opened an inquiry.", "en", "hint.lowercase_name"),  # also written lower-case (7 of 32)
    ("They lost the world cup final.", "en", "hint.lowercase_name"),  # common: it starts names and stands alone
    ("with head coach holt still to taste defeat", "en", "hint.unlowered_name"),  # common (Zipf 3.7), never lower-case
    ("Die tschechen haben den Ruf von Negativisten", "de", "hint.unlowered_name"),  # a noun after an article
    ("passaram pelo pinhal de Leiria", "pt", "hint.lowercase_name"),  # a small corpus: not in Portuguese
    ("Er sei immer gleich. Sie stütze sich auf einen Vertreiber.", "de", "hint.lowercase_name"),  # a verb after its subject
    ("Man sollte sich nicht auf die lauten Kollegen ausreden!", "de", "hint.lowercase_name"),
])
def test_detector_tells_a_rare_name_from_a_word_that_starts_names(text, lang, rule):
    """Names the corpus never writes in lower case are hinted apart from words that also stand
    alone (``cup``); in German only where a noun goes, after a lower-case word or a determiner."""
    from cleanup.detect import suspicious_spans

    hints = ("hint.rare_lowercase_name", "hint.lowercase_name", "hint.unlowered_name")
    assert [s.rule for s in suspicious_spans(text, lang, hints=True) if s.rule in hints] == [rule]


@pytest.mark.parametrize("text, lang, rule", [
    ("Ahora levantan una tienda de modas en gelsenkirchen.", "es", "hint.rare_lowercase_name"),  # en: 3 times
    ("El deterioro de la salud de hitchcock redujo su producción.", "es", "hint.unlowered_name"),  # pt: 5
    ("El rey de Jordania insta al Presidente a abandonar el poder", "es", None),  # a Spanish verb, "Insta" in en
    ("de médecins, infirmières, nutritionnistes et assistent sociaux.", "fr", None),  # a German noun: "Assistent"
    ("las condiciones de los ogoni son destrozadas", "es", None),  # a people: Spanish writes it in lower case
    # rare in Portuguese, capitalised twice or more by the corpora (names_seen.tsv), never in lower case
    ("O programa medicaid cobre os mais pobres.", "pt", "hint.rare_lowercase_name"),  # en, fr: 3 times
    ("A impressora da epson avariou outra vez.", "pt", "hint.rare_lowercase_name"),  # pt: twice
    # three letters are enough where the other corpora capitalise the word this often
    ("La estadounidense kim Kardashian publicó otra foto.", "es", "hint.unlowered_name"),  # en, fr, pt: 145 times
    # capitalised once: a word in a title as often as a name
    ("Jogava como infielder nos Estados Unidos.", "pt", None),  # en: once, in a title
    ("Cantaram uma serenata à porta da reitoria.", "pt", None),  # pt: once, in a name
    # a word common in the article's language (Zipf 3.0+) is no name however the corpora case it
    ("Es un tejido para la cortina del salón.", "es", None),  # en, fr, pt: 4 times
])
def test_detector_hints_a_name_that_only_other_corpora_know(text, lang, rule):
    """A lower-case word the article's corpus lacks is a name where the other corpora (but
    German's, which capitalises every noun) capitalise it and never write it in lower case, and
    it is no commoner in the article's language than in theirs; a word rare in the article's
    language, where the corpora capitalise it twice."""
    from cleanup.detect import suspicious_spans

    hints = ("hint.rare_lowercase_name", "hint.lowercase_name", "hint.unlowered_name")
    found = [s.rule for s in suspicious_spans(text, lang, hints=True) if s.rule in hints]
    assert found == ([rule] if rule else [])


@pytest.mark.parametrize("text, lang, hinted", [
    ("Alle privaten Briefe und Bildersollten privat bleiben.", "de", ["Bildersollten"]),
    ("Die Familie des Jungenbehauptete zudem, dass", "de", ["Jungenbehauptete"]),
    ("Ilsélargissent leur influence économique", "fr", ["Ilsélargissent"]),
    # compounds and names whose end is no word the corpus writes only in lower case: no hint
    ("Der Verwaltungsrat tagte am Montag.", "de", []),
    ("As mayor Bernd Steinmeier reported on Monday", "en", []),
])
def test_detector_hints_a_word_glued_to_one_the_corpus_writes_only_in_lower_case(text, lang, hinted):
    """``Bildersollten``: no list knows the run, and the corpus never capitalises its end, so
    a noun or a name lost the space before a verb; the model judges whether to split."""
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans if s.rule == "hint.name_glue"] == hinted


@pytest.mark.parametrize("text, lang, hinted", [
    ("the state, assures Anton zharkov, a member of the Duma", "en", ["zharkov"]),
    ("Grzegorz schetyna: I will not promise it", "en", ["schetyna"]),
    ("the Ukrainian drones flew on", "en", []),  # a word the lists know
    ("die Regierung abzuzielen", "de", []),  # German: a rare verb after a noun
])
def test_detector_hints_a_rare_lower_case_word_after_a_name(text, lang, hinted):
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans if s.rule.endswith("lowercase_name")] == hinted


@pytest.mark.parametrize("text, rule", [
    ("the Ukrainian Army In a message published", "casing.capital_after_link"),
    ("the Ukrainian Army They said on Monday", "model.capital_after_link"),  # a pronoun: the model's
    ("the Ukrainian Army In 2022 and", "model.capital_after_link"),  # no lower-case word after it
    ("they played in the Serie A against Juventus", "model.capital_in_title"),  # one letter
    ("visitors at the Museum Of Modern Art and", "model.capital_in_title"),  # a name follows
    ("a fan of Gone With The Wind", "model.capital_in_title"),
])
def test_detector_tells_a_capital_after_a_link_from_one_inside_a_title(text, rule):
    """A function word capitalised before a lower-case word is most often the segment after
    a link: the rule lowers it, and the model only chooses whether a comma was lost with it.
    Before a capitalised word (or a lone letter) it is most often a name or a title, and the
    model is held to a stricter floor there."""
    from cleanup.detect import suspicious_spans

    rules = {s.rule for s in suspicious_spans(text, "en") if "capital" in s.rule}
    assert rules == {rule}


@pytest.mark.parametrize("text, flagged", [
    ("It was recently announced that “Running Out of Time 2” will be released on December 24th.", []),
    # a conjunction or a preposition title case writes in lower case: still a link's trace
    ('the enhancement of "One Belt And One Road" construction', [("Belt And", "model.capital_in_title")]),
    ('He read the "Decision of the State Council On Reform" twice.', [("Council On", "model.capital_in_title")]),
])
def test_a_title_the_article_quotes_is_flagged_only_for_words_title_case_lowers(text, flagged):
    """A quotation in title case is a title, written as its authors wrote it: the model is not
    asked to lower ``Out`` (it did, at 0.69, once a capital after a link's floor went to -0.5),
    only an article, a conjunction or a preposition."""
    from cleanup.detect import suspicious_spans

    assert [(text[s.start:s.end], s.rule) for s in suspicious_spans(text, "en", hints=True) if "capital" in s.rule] == flagged


@pytest.mark.parametrize("text, flagged", [
    # "von" opens no name: repaired, never kept (model.capital_function_word)
    ("dass die Attentäter Von Ansbach und Würzburg Flüchtlinge waren", [("Attentäter Von", "model.capital_function_word")]),
    ("die heutige Maßnahme Der Behörde ist beschränkt", [("Maßnahme Der", "model.capital_after_noun")]),
    ("eine große Gesundheitsgefahr für Ihr Baby.", []),  # formal address: capitalised by grammar
    ("Welche Antworten will Ihre Gruppe geben?", []),
    # a dateline opens the line: the story's first sentence starts after it
    ("Berlin Der Chef des Münchner Ifo-Instituts, Clemens Fuest, warnt davor.", []),
    ("Sie sagte, Berlin Der Chef des Instituts sei weg.", [("Berlin Der", "model.capital_after_noun")]),
    # a title or a place joined to another by "und"/"and": names, not a link's trace
    ('verfälscht wie Paul Fussells "Great War and Modern Memory" oder Romane', []),
])
def test_german_function_word_capitalised_between_two_nouns(text, flagged):
    """In German the word after the capital is a noun, not a sign of a name or a title, so the
    span is the model's to judge like a capital after a link, at a floor of its own; formal
    address (``Ihr``, ``Sie``) keeps its capital and is not flagged."""
    from cleanup.detect import suspicious_spans

    spans = [(text[s.start:s.end], s.rule) for s in suspicious_spans(text, "de") if "capital" in s.rule]
    assert spans == flagged


@pytest.mark.parametrize("text, lang, hinted", [
    ("a piece of plywood cameflying from the crowd", "en", ["cameflying"]),
    ("corresponding to the increasingtrend from the beginning", "en", []),  # the rules split it themselves
    ("Adapta loviejo, incorpora lo nuevo", "es", []),  # the rules split it themselves
    ("a statement on the microdistrict council", "en", []),  # known words, a prefix
    ("die Autobahnsperren wurden aufgehoben", "de", []),  # German writes compounds solid
    ("ils ne copieront pas le modèle", "fr", []),  # an infinitive and its future ending
    ("why a strokemaker cannot bat there", "en", []),  # a solid English compound
    ("Avremo stravisto il suo viso", "it", []),  # the prefix "stra-"
    ("The pseudobeliefs of trendy liberals", "en", []),  # the prefix "pseudo-"
    ("comments made during bradcasts between 2008", "en", []),  # a typo: "Brad" is a name
    ("Yoel Singer realçara anteriormente progressos", "pt", []),  # the pluperfect of realçar
    ("dificultam e falseiam a elaboração", "pt", []),  # falsear, present
    ("o conservadorismo denosso tempo", "pt", []),  # the rules split it, at "de" (the hint's split: "den osso")
])
def test_detector_hints_two_lower_case_words_run_together(text, lang, hinted):
    """A lower-case run no list knows that splits into two words: the model decides
    whether it is a glue (the rules' thresholds leave it alone)."""
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    assert [text[s.start:s.end] for s in spans if s.rule == "hint.lower_glue"] == hinted


def test_detector_leaves_a_german_noun_capitalised_mid_sentence():
    """``Recht`` is a noun as often as ``recht`` is an adverb: its capital is grammar."""
    from cleanup.detect import suspicious_spans

    assert suspicious_spans("Das Microsoft hat Recht, das Betriebssystem", "de") == []
    assert [s.rule for s in suspicious_spans("die Armee In einer Nachricht", "de")] == ["casing.capital_after_link"]


def test_detect_does_not_list_a_capital_inside_a_title(runner):
    """`Serie A` is sent to the model (which leaves it) but is no artifact to report."""
    result = runner.invoke(app, ["detect", "--lang", "en", "-"], input="They played in the Serie A against Juventus.\n")
    assert result.exit_code == 0, result.output
    assert "capital" not in result.stdout


def test_detector_sends_an_elided_capital_the_rule_lowers_to_the_model_for_its_comma():
    """`boursière L'attractivité`: the rule lowers the elided article; the model, reading the
    word before, chooses whether a comma was lost with the capital, as for `Army In a`."""
    from cleanup.detect import suspicious_spans

    text = "Dans un climat d'incertitude boursière L'attractivité des obligations augmente."
    spans = suspicious_spans(text, "fr")
    assert [(text[s.start:s.end], s.rule) for s in spans] == [("boursière L'attractivité", "casing.capital_after_link")]


def test_detector_leaves_a_connectives_lost_comma_to_the_rule():
    """`However The company`: after a sentence-opening connective the comma is what news
    prose writes, so casing.comma_after_connective repairs it and the model is not asked
    (it could only lower the capital and leave the comma out)."""
    from cleanup.detect import suspicious_spans

    assert suspicious_spans("However The company has problems.", "en") == []
    assert [s.rule for s in suspicious_spans("the Ukrainian Army In a message", "en")] == ["casing.capital_after_link"]


def test_detector_leaves_a_connective_or_an_incise_capitalised_after_a_clause_to_the_rules():
    """`range According to the police`, `decisão Afirmou Almeida.`: casing.comma_before_connective
    and casing.comma_before_incise put the comma back and lower the capital; the model, asked,
    kept the capital (a hint's span), so it is not asked."""
    from cleanup.detect import suspicious_spans

    text = "He stole cash in the lower three figure range According to the police."
    assert [s.rule for s in suspicious_spans(text, "en", hints=True)] == []
    disabled = suspicious_spans(text, "en", hints=True, rule_enabled=lambda rule: rule != "casing.comma_before_connective")
    assert [text[s.start:s.end] for s in disabled] == ["range According"]
    incise = "O clube vai recorrer da decisão Afirmou Almeida."  # casing.comma_before_incise's
    assert suspicious_spans(incise, "pt", hints=True) == []
    disabled = suspicious_spans(incise, "pt", hints=True, rule_enabled=lambda rule: rule != "casing.comma_before_incise")
    assert [incise[s.start:s.end] for s in disabled] == ["decisão Afirmou"]


@pytest.mark.parametrize("text, lang, flagged", [
    ("Na quarta-feira O São Paulo tomou um vareio do Palmeiras.", "pt", "quarta-feira O"),
    ("«Um dia O Humberto Madeira e o meu pai iam em viagem.", "pt", "dia O"),
    ("Poco antes del lunes El Comité asesor se reunió.", "es", "lunes El"),
    ("On February 10th The Ministry of Education announced a change.", "en", "10th The"),
    ("On Sunday The Ministry announced a change.", "en", "Sunday The"),
    ("Ela disse ao jornal O Estado de S. Paulo que sim.", "pt", None),  # a newspaper's name
    ("Ele leu o livro O Príncipe, de Maquiavel.", "pt", None),
])
def test_detector_flags_an_article_capitalised_after_a_word_of_time(text, lang, flagged):
    """After a word of time a capitalised article opens the next clause, where a link's segment
    began (``Na quarta-feira O São Paulo``): no title follows one in the corpora, so the model
    only chooses between a comma and lower case (``model.capital_function_word``)."""
    from cleanup.detect import suspicious_spans

    spans = [text[s.start:s.end] for s in suspicious_spans(text, lang, hints=True)
             if s.rule == "model.capital_function_word"]
    assert spans == ([flagged] if flagged else [])


@pytest.mark.parametrize("text, rule", [
    ("released from the tea bags This Canadian research team exposed fleas.", "model.capital_after_link"),
    ("I watched the film Gone With The Wind again.", "model.capital_in_title"),  # a title may begin there
    ("the man who wrote As You Like It", "model.capital_in_title"),
])
def test_a_capitalised_function_word_after_a_content_word_opens_a_clause(text, rule):
    """``tea bags This Canadian team``: after an English content word in lower case that
    introduces no title, a capitalised function word before a capitalised word opens the next
    clause (held to the floor after a link), not a title (held to a title's stricter floor)."""
    from cleanup.detect import suspicious_spans

    rules = [s.rule for s in suspicious_spans(text, "en") if s.rule.startswith("model.capital")]
    assert rules[:1] == [rule]


@pytest.mark.parametrize("text, lang, words, flagged", [
    ("the Ukrainian Army In a message published on Monday", "en", ["In"], True),
    # a capitalised word within a name or a title: not flagged for the model, nor lowered
    ("Rock legends The Who are on a major US tour.", "en", ["The", "Who"], False),
    ("She plays Keating on the ABC series How to Get Away with Murder, which ended.", "en", ["How"], False),
    ("In its disclosure on buyback progress, Ping An stated that it had bought shares.", "en", ["An"], False),
    ("Parmi les journaux, Les Temps nouveaux et La Guerre sociale.", "fr", ["Temps"], False),
    ("A canção foi lançada no álbum Nada Como um Dia Após o Outro Dia, em 2002.", "pt", ["Como"], False),
    ("Liga o monumento do farol de Punta del Este até o farol de José Ignacio.", "pt", ["Este"], False),
])
def test_a_function_word_capitalised_within_a_name_or_a_title_is_not_flagged(text, lang, words, flagged):
    from cleanup.detect import suspicious_spans

    spans = suspicious_spans(text, lang, hints=True)
    for word in words:
        at = text.index(f" {word} ") + 1
        assert any(s.start <= at < s.end for s in spans) == flagged, word


def test_an_english_title_quoted_in_another_language_keeps_its_capitals():
    from cleanup.rules.casing import propose_capital_after_link

    for text, lang in (("le dedicó su película Harry and Son en 1984", "es"),
                       ("lui dédia son film Harry and Son en 1984", "fr")):
        assert propose_capital_after_link(text, lang, None) == []
    assert [f.after for f in propose_capital_after_link("Der Chef der Firma Mit dem Auto", "de", None)] == ["m"]


def test_a_brand_styled_in_english_is_no_glue_outside_english_but_an_english_place_is():
    """``FonPeek`` in Spanish text: ``Peek`` is English, and a link there ends on a Spanish word,
    so neither the rules nor the model split it; ``LongBeach`` (two English words) may still be
    a place glued at a link, for the model to judge."""
    from cleanup.rules.merge import case_glue_candidate

    assert case_glue_candidate("FonPeek", "es") is None
    assert case_glue_candidate("LongBeach", "es") == ("Long", "Beach")
    assert case_glue_candidate("FonPeek", "en") == ("Fon", "Peek")


def test_a_lower_case_abbreviation_is_no_name_to_capitalise():
    """``tsch.`` (tschechisch): the German cased table lists ``Tsch`` capitalised, but a word
    with no vowel before its stop is an abbreviation, and the model is not asked about it."""
    from cleanup.detect import suspicious_spans

    text = "Ein Sieg von Pelta dem (tsch.) Fußball und der tsch. Wirtschaftszeitung."
    assert not [s for s in suspicious_spans(text, "de", hints=True) if "tsch" in text[s.start:s.end]]
