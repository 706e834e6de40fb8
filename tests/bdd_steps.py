"""Step definitions of the Gherkin suite (features/**), shared by the Arabic and the French files.

Every step function is registered twice, once under its Arabic and once under its French
wording (stacked decorators): the two languages run the same Python, so a scenario and its
translation cannot drift apart in what they check. The words of the law that jurists write in
the feature files (party types, approvals, clauses, verdicts ...) are translated into the words
of the input and output contracts by the tables below; features/README.md is the glossary a
jurist reads, and ``test_glossary_matches_step_tables`` in tests/test_features.py keeps both in step.

Then-steps read the public JSON report (``coopcheck/report/v1``, rendered in the feature's
language), not internal objects: what the suite checks is what a user receives.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest
from pytest_bdd import given, parsers, then, when

from coopcheck.check import check_agreement
from coopcheck.model import Agreement
from coopcheck.render.json_report import as_dict
from coopcheck.rulebook import Rulebook, load_rulebook

# ---- the glossary: legal words (ar, fr) → contract words ---------------------------------------
# Contract words themselves (e.g. ``territorial_collectivity``) are accepted in both languages.

INSTRUMENTS: dict[str, dict[str, str]] = {
    "ar": {
        "القانون التنظيمي 111.14": "MA-OL-111-14",
        "القانون التنظيمي 112.14": "MA-OL-112-14",
        "القانون التنظيمي 113.14": "MA-OL-113-14",
        "المرسوم التنفيذي 17-329": "DZ-D-17-329",
        "القانون 11-10": "DZ-L-11-10",
        "القانون 12-07": "DZ-L-12-07",
        "القانون العام للجماعات الترابية الفرنسي": "FR-CGCT",
        "القانون الأساسي عدد 29 لسنة 2018": "TN-CCL-2018",
    },
    "fr": {
        "la loi organique 111-14": "MA-OL-111-14",
        "la loi organique 112-14": "MA-OL-112-14",
        "la loi organique 113-14": "MA-OL-113-14",
        "le décret exécutif 17-329": "DZ-D-17-329",
        "la loi 11-10": "DZ-L-11-10",
        "la loi 12-07": "DZ-L-12-07",
        "le code général des collectivités territoriales": "FR-CGCT",
        "la loi organique 2018-29": "TN-CCL-2018",
    },
}

AGREEMENT_KINDS: dict[str, dict[str, str]] = {
    "ar": {
        "توأمة": "twinning",
        "تعاون": "cooperation",
        "شراكة": "partnership",
        "انخراط في شبكة": "network_membership",
        "تبادل": "exchange",
        "تمويل": "funding",
        "إعلان نوايا": "declaration",
    },
    "fr": {
        "jumelage": "twinning",
        "coopération": "cooperation",
        "partenariat": "partnership",
        "adhésion à un réseau": "network_membership",
        "échange": "exchange",
        "financement": "funding",
        "déclaration d'intention": "declaration",
    },
}

PARTY_TYPES: dict[str, dict[str, str]] = {
    "ar": {
        "جماعة ترابية": "territorial_collectivity",
        "دولة": "state",
        "مؤسسة عمومية": "public_body",
        "منظمة غير حكومية": "ngo",
        "منظمة دولية": "international_organization",
        "شبكة": "network",
        "جمعية جماعات ترابية": "association_of_collectivities",
        "مجموعة جماعات ترابية": "grouping_of_collectivities",
        "شركة خاصة": "private_company",
    },
    "fr": {
        "collectivité territoriale": "territorial_collectivity",
        "État": "state",
        "établissement public": "public_body",
        "ONG": "ngo",
        "organisation internationale": "international_organization",
        "réseau": "network",
        "association de collectivités": "association_of_collectivities",
        "groupement de collectivités": "grouping_of_collectivities",
        "entreprise privée": "private_company",
    },
}

LEVELS: dict[str, dict[str, str]] = {
    "ar": {
        "جهة": "region",
        "عمالة": "prefecture",
        "إقليم": "province",
        "جماعة": "commune",
        "بلدية": "commune",       # Algeria: the commune (APC) is a بلدية
        "مقاطعة": "arrondissement",
        "ولاية": "wilaya",
        "محافظة": "governorate",
    },
    "fr": {
        "région": "region",
        "préfecture": "prefecture",
        "province": "province",
        "commune": "commune",
        "arrondissement": "arrondissement",
        "wilaya": "wilaya",
        "département": "department",
        "municipalité": "municipality",
        "gouvernorat": "governorate",
    },
}

ROLES: dict[str, dict[str, str]] = {
    "ar": {"موقع": "signatory", "ممول": "funder"},
    "fr": {"signataire": "signatory", "bailleur de fonds": "funder"},
}

COUNTRIES: dict[str, dict[str, str]] = {
    "ar": {"المغرب": "MA", "الجزائر": "DZ", "فرنسا": "FR", "مالي": "ML", "تونس": "TN",
           "السنغال": "SN", "إسبانيا": "ES", "بلجيكا": "BE"},
    "fr": {"Maroc": "MA", "Algérie": "DZ", "France": "FR", "Mali": "ML", "Tunisie": "TN",
           "Sénégal": "SN", "Espagne": "ES", "Belgique": "BE"},
}

APPROVALS: dict[str, dict[str, str]] = {
    "ar": {
        "مداولة المجلس": "council_deliberation",
        "موافقة العامل": "governor_approval",
        "تأشيرة": "interior_visa",
        "موافقة السلطات العمومية": "public_authorities_approval",
        "موافقة وزير الداخلية": "interior_minister_approval",
        "موافقة الوالي": "wali_approval",
        "رأي وزارة الشؤون الخارجية": "foreign_affairs_opinion",
        "إحالة على المحافظ": "prefect_transmission",
    },
    "fr": {
        "délibération du conseil": "council_deliberation",
        "approbation du gouverneur": "governor_approval",
        "visa": "interior_visa",
        "approbation des autorités publiques": "public_authorities_approval",
        "approbation du ministre de l'Intérieur": "interior_minister_approval",
        "approbation du wali": "wali_approval",
        "avis des affaires étrangères": "foreign_affairs_opinion",
        "transmission au préfet": "prefect_transmission",
    },
}

AUTHORITIES: dict[str, dict[str, str]] = {
    "ar": {
        "المجلس": "council",
        "عامل العمالة أو الإقليم": "governor",
        "والي الجهة": "wali",
        "وزير الداخلية": "interior_minister",
        "السلطات العمومية": "public_authorities",
        "ممثل الدولة (المحافظ)": "prefect",
        "وزارة الشؤون الخارجية": "foreign_affairs_ministry",
    },
    "fr": {
        "le conseil": "council",
        "le gouverneur": "governor",
        "le wali de la région": "wali",
        "le ministre de l'Intérieur": "interior_minister",
        "les autorités publiques": "public_authorities",
        "le préfet": "prefect",
        "le ministère des Affaires étrangères": "foreign_affairs_ministry",
    },
}

OUTCOMES: dict[str, dict[str, str]] = {
    "ar": {"بالموافقة": "approved", "بالرفض": "refused", "قيد الانتظار": "pending"},
    "fr": {"favorable": "approved", "refus": "refused", "en attente": "pending"},
}

CLAUSES: dict[str, dict[str, str]] = {
    "ar": {
        "الموضوع": "object", "المدة": "duration", "الموارد": "resources", "الميزانية": "budget",
        "الالتزامات المالية": "financial_commitments", "التتبع": "monitoring", "التقييم": "evaluation",
        "الفسخ": "termination", "تسوية النزاعات": "dispute_settlement", "اللغات": "languages",
        "التجديد": "renewal", "القانون الواجب التطبيق": "applicable_law",
    },
    "fr": {
        "objet": "object", "durée": "duration", "ressources": "resources", "budget": "budget",
        "engagements financiers": "financial_commitments", "suivi": "monitoring", "évaluation": "evaluation",
        "résiliation": "termination", "règlement des différends": "dispute_settlement", "langues": "languages",
        "renouvellement": "renewal", "droit applicable": "applicable_law",
    },
}

FIELDS: dict[str, dict[str, str]] = {
    "ar": {"إحداث شخص اعتباري": "creates_legal_person", "البنود": "clauses",
           "تاريخ التوصل": "received", "تاريخ التوقيع": "signing_date"},
    "fr": {"création d'une personne morale": "creates_legal_person", "clauses": "clauses",
           "date de réception": "received", "date de signature": "signing_date"},
}

VERDICTS: dict[str, dict[str, str]] = {
    "ar": {"مطابقة": "compliant", "غير مطابقة": "non_compliant", "ناقصة المعطيات": "incomplete"},
    "fr": {"conforme": "compliant", "non conforme": "non_compliant", "incomplet": "incomplete"},
}

PLAN_STATUSES: dict[str, dict[str, str]] = {
    "ar": {"منجزة": "done", "ضمنية": "deemed", "ناقصة": "missing", "قيد الانتظار": "pending",
           "مرفوضة": "refused", "متأخرة": "late", "سابقة لأوانها": "premature", "غير معروفة": "unknown",
           "لاحقة للمداولة": "out_of_order"},
    "fr": {"accomplie": "done", "tacite": "deemed", "manquante": "missing", "en attente": "pending",
           "refusée": "refused", "tardive": "late", "prématurée": "premature", "inconnue": "unknown",
           "postérieure à la délibération": "out_of_order"},
}

# Column headings of the tables (the contract's own names are accepted too).
PARTY_COLUMNS: dict[str, dict[str, str]] = {
    "ar": {"المعرف": "id", "الاسم": "name", "البلد": "country", "النوع": "type", "المستوى": "level",
           "الدور": "role"},
    "fr": {"id": "id", "nom": "name", "pays": "country", "type": "type", "niveau": "level", "rôle": "role"},
}
APPROVAL_COLUMNS: dict[str, dict[str, str]] = {
    "ar": {"النوع": "kind", "الطرف": "of", "التاريخ": "date", "تاريخ التوصل": "received",
           "اختتام الدورة": "session_closed", "النتيجة": "outcome", "المرجع": "reference"},
    "fr": {"type": "kind", "partie": "of", "date": "date", "reçue le": "received",
           "clôture de la session": "session_closed", "résultat": "outcome", "référence": "reference"},
}

GLOSSARY: dict[str, dict[str, dict[str, str]]] = {
    "instrument": INSTRUMENTS, "agreement kind": AGREEMENT_KINDS, "party type": PARTY_TYPES,
    "level": LEVELS, "role": ROLES, "country": COUNTRIES, "approval": APPROVALS, "authority": AUTHORITIES,
    "outcome": OUTCOMES,
    "clause": CLAUSES, "field": FIELDS, "verdict": VERDICTS, "plan status": PLAN_STATUSES,
    "party column": PARTY_COLUMNS, "approval column": APPROVAL_COLUMNS,
}

_CONTRACT_WORDS: dict[str, set[str]] = {
    name: {w for lang in table.values() for w in lang.values()} for name, table in GLOSSARY.items()
}


def word(table: str, text: str, lang: str) -> str:
    """The contract word for a legal word of ``lang`` (or a contract word, taken as is)."""
    text = text.strip()
    words = GLOSSARY[table][lang]
    if text in words:
        return words[text]
    if text in _CONTRACT_WORDS[table] or (table == "country" and re.fullmatch(r"[A-Z]{2}", text)):
        return text
    known = ", ".join(f"«{w}»" for w in words)
    raise AssertionError(f"«{text}» is not a {table} word in {lang} (known: {known}); see features/README.md")


# ---- the case a scenario builds ----------------------------------------------------------------

@dataclass
class Case:
    """The agreement a scenario describes, the law it is read against, and the report."""

    lang: str
    instrument: str
    day: date
    agreement: dict[str, Any] = field(default_factory=dict)
    report: dict[str, Any] | None = None
    period: dict[str, Any] | None = None   # the working-day period the last «runs until» step read

    @property
    def doc(self) -> dict[str, Any]:
        assert self.report is not None, "the scenario has no «When the agreement is checked» step"
        return self.report

    def findings(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [f for f in self.doc["findings"] if kind is None or f["kind"] == kind]


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook()


def _instrument(text: str) -> tuple[str, str]:
    for lang, names in INSTRUMENTS.items():
        if text.strip() in names:
            return names[text.strip()], lang
    raise AssertionError(f"«{text}» names no instrument of the glossary: {sorted(INSTRUMENTS['ar'])}"
                         f" / {sorted(INSTRUMENTS['fr'])}")


# Background: the law and the date it is read at (the planned signing date).

@given(parsers.parse("أن {instrument} يقرأ بتاريخ {day}"), target_fixture="case")
@given(parsers.parse("l'on lit {instrument} à la date du {day}"), target_fixture="case")
def law_read_on(instrument: str, day: str) -> Case:
    inst, lang = _instrument(instrument)
    return Case(lang=lang, instrument=inst, day=date.fromisoformat(day.strip()))


# The agreement and its parties. The first party of the table is the collectivity checked.

def _rows(datatable: list[list[str]], columns: dict[str, dict[str, str]], lang: str) -> list[dict[str, str]]:
    header, *rows = datatable
    keys = []
    for cell in header:
        h = cell.strip()
        if h in columns[lang]:
            keys.append(columns[lang][h])
        elif h in columns[lang].values():
            keys.append(h)
        else:
            raise AssertionError(f"unknown column «{h}»; columns: {', '.join(columns[lang])}")
    return [{k: v.strip() for k, v in zip(keys, row, strict=True) if v.strip()} for row in rows]


@given(parsers.parse('اتفاقية "{kind}" بين الأطراف التالية:'))
@given(parsers.parse('une convention du type "{kind}" entre les parties suivantes :'))
def agreement_between(case: Case, kind: str, datatable: list[list[str]]) -> None:
    parties = []
    for row in _rows(datatable, PARTY_COLUMNS, case.lang):
        party: dict[str, Any] = {
            "id": row["id"],
            "name": {case.lang: row.get("name", row["id"])},
            "country": word("country", row["country"], case.lang),
            "type": word("party type", row["type"], case.lang),
        }
        if "level" in row:
            party["level"] = word("level", row["level"], case.lang)
        if "role" in row:
            party["role"] = word("role", row["role"], case.lang)
        parties.append(party)
    assert parties, "the table lists no party"
    case.agreement = {
        "schema": "coopcheck/agreement/v1",
        "id": "feature-case",
        "title": {case.lang: "feature"},
        "kind": word("agreement kind", kind, case.lang),
        "signing_date": case.day.isoformat(),
        "subject": parties[0]["id"],
        "parties": parties,
        "approvals": [],
    }


@given(parsers.parse("الموافقات التالية:"))
@given(parsers.parse("les approbations suivantes :"))
def approvals_given(case: Case, datatable: list[list[str]]) -> None:
    for row in _rows(datatable, APPROVAL_COLUMNS, case.lang):
        approval: dict[str, Any] = {"kind": word("approval", row["kind"], case.lang),
                                    "of": row.get("of", case.agreement["subject"])}
        for key in ("date", "received", "session_closed", "reference"):
            if key in row:
                approval[key] = row[key]
        if "outcome" in row:
            approval["outcome"] = word("outcome", row["outcome"], case.lang)
        case.agreement["approvals"].append(approval)


@given(parsers.parse('تتضمن الاتفاقية البنود "{clauses}"'))
@given(parsers.parse('la convention contient les clauses "{clauses}"'))
def clauses_given(case: Case, clauses: str) -> None:
    names = [c for c in re.split(r"[,،]", clauses) if c.strip()]
    case.agreement["clauses"] = [word("clause", c, case.lang) for c in names]


@given("تحدث الاتفاقية شخصا اعتباريا")
@given("la convention crée une personne morale")
def creates_legal_person(case: Case) -> None:
    case.agreement["creates_legal_person"] = True


@given("لا تحدث الاتفاقية شخصا اعتباريا")
@given("la convention ne crée pas de personne morale")
def creates_no_legal_person(case: Case) -> None:
    case.agreement["creates_legal_person"] = False


# When: the check itself, and the JSON report in the feature's language.

@when("يتم فحص الاتفاقية")
@when("la convention est vérifiée")
def check(case: Case, rulebook: Rulebook, request: pytest.FixtureRequest) -> None:
    assert case.agreement, "the scenario describes no agreement"
    agreement = Agreement.model_validate(case.agreement)
    report = check_agreement(agreement, rulebook, as_of=case.day)
    case.report = as_dict(report, case.lang)
    assert case.report["verdict"] == report.verdict.value
    _check_rule_tags(request, set(report.engaged_rules))


def _check_rule_tags(request: pytest.FixtureRequest, engaged: set[str]) -> None:
    """A scenario's ``@fires-RULE`` / ``@escapes-RULE`` tags are claims: hold them to the report.

    ``coopcheck rules coverage`` counts these tags to tell which rules have a scenario where they
    fire and one where they must not; checking each tag against what the rule actually did keeps
    the coverage matrix honest (a tag cannot say "fires" on a scenario where the rule is silent).
    """
    for mark in request.node.iter_markers():
        claim, _, rule = mark.name.partition("-")
        if claim == "fires":
            assert rule in engaged, f"tagged @{mark.name}, but {rule} did not engage; engaged: {sorted(engaged)}"
        elif claim == "escapes":
            assert rule not in engaged, f"tagged @{mark.name}, but {rule} engaged"
    trace = os.environ.get("COOPCHECK_TRACE_RULES")
    if trace:   # used to propose tags for new scenarios: one JSON line per scenario run
        with open(trace, "a", encoding="utf-8") as out:
            from pytest_bdd.scenario import scenario_wrapper_template_registry as templates

            t = templates[request.node.function]
            out.write(json.dumps({"feature": t.feature.rel_filename, "line": t.line_number,
                                  "tags": sorted(t.tags), "engaged": sorted(engaged)}) + "\n")


# Then: findings, each with the provision it comes from.

_AR_ARTICLE = re.compile(r"^المادة (?P<article>\S+?)(?: الفقرة (?P<paragraph>\d+))?(?: من (?P<instrument>.+))?$")
_FR_ARTICLE = re.compile(r"^l'article (?P<article>\S+?)(?: alinéa (?P<paragraph>\d+))?(?: de (?P<instrument>.+))?$")


@dataclass(frozen=True)
class Cite:
    instrument: str
    article: str | None
    paragraph: str | None

    def matches(self, finding: dict[str, Any]) -> bool:
        c = finding.get("citation") or {}
        return (c.get("instrument") == self.instrument
                and (self.article is None or c.get("article") == self.article)
                and (self.paragraph is None or c.get("paragraph") == self.paragraph))

    def __str__(self) -> str:
        where = f" art. {self.article}" if self.article else ""
        return self.instrument + where + (f" ¶{self.paragraph}" if self.paragraph else "")


def cite(case: Case, text: str) -> Cite:
    """«المادة 85 الفقرة 2 [من القانون التنظيمي 112.14]», «l'article 94», or an instrument's name."""
    text = text.strip()
    m = (_AR_ARTICLE if case.lang == "ar" else _FR_ARTICLE).match(text)
    if m is None:
        inst, _ = _instrument(text)
        return Cite(inst, None, None)
    inst = _instrument(m["instrument"])[0] if m["instrument"] else case.instrument
    return Cite(inst, m["article"], m["paragraph"])


def _show(case: Case) -> str:
    return "\n".join(
        f"  {f['kind']} {f.get('approval') or f.get('clause') or f.get('fields') or ''} "
        f"[{f['rule']}] {(f.get('citation') or {}).get('article', '')}"
        for f in case.findings()
    ) or "  (no finding)"


def _one(case: Case, what: str, found: list[dict[str, Any]]) -> dict[str, Any]:
    assert found, f"expected {what}; the report has:\n{_show(case)}"
    for f in found:
        assert f["message"], f"finding without a message: {f}"
    return found[0]


@then(parsers.parse('تكون "{approval}" ناقصة بموجب {citation}'))
@then(parsers.parse('il manque "{approval}" selon {citation}'))
def approval_missing(case: Case, approval: str, citation: str) -> None:
    kind, c = word("approval", approval, case.lang), cite(case, citation)
    _one(case, f"missing {kind} under {c}",
         [f for f in case.findings("missing_approval") if f["approval"] == kind and c.matches(f)])


@then(parsers.parse('لا تكون "{approval}" ناقصة'))
@then(parsers.parse('il ne manque pas "{approval}"'))
def approval_not_missing(case: Case, approval: str) -> None:
    kind = word("approval", approval, case.lang)
    found = [f for f in case.findings("missing_approval") if f["approval"] == kind]
    assert not found, f"{kind} is reported missing:\n{_show(case)}"


@then(parsers.parse('لا تستلزم الاتفاقية "{approval}"'))
@then(parsers.parse('la convention ne requiert pas "{approval}"'))
def approval_not_required(case: Case, approval: str) -> None:
    kind = word("approval", approval, case.lang)
    found = [f for f in case.findings() if f.get("approval") == kind]
    steps = [s for s in case.doc["plan"] if s["approval"] == kind]
    assert not found and not steps, f"{kind} is required:\n{_show(case)}\nplan: {steps}"


def _plan_steps(case: Case, kind: str) -> list[dict[str, Any]]:
    """The plan's steps for an approval kind; a step that is not there fails the scenario."""
    steps = [s for s in case.doc["plan"] if s["approval"] == kind]
    assert steps, f"{kind} is not in the approval plan: {case.doc['plan']}"
    return steps


@then(parsers.parse('تكون حالة "{approval}" في مسطرة الموافقات "{status}"'))
@then(parsers.parse('l\'état de "{approval}" dans le plan des approbations est "{status}"'))
def plan_status(case: Case, approval: str, status: str) -> None:
    kind, wanted = word("approval", approval, case.lang), word("plan status", status, case.lang)
    steps = _plan_steps(case, kind)
    assert steps[0]["status"] == wanted, f"{kind}: status {steps[0]['status']}, expected {wanted}"


@then(parsers.parse('تختص بـ"{approval}" جهة "{authority}"'))
@then(parsers.parse('"{approval}" relève de "{authority}"'))
def plan_authority(case: Case, approval: str, authority: str) -> None:
    """Who gives the approval, as the plan says (the visa: governor, or Minister of the Interior for regions)."""
    kind, wanted = word("approval", approval, case.lang), word("authority", authority, case.lang)
    steps = _plan_steps(case, kind)
    assert {s["authority"] for s in steps} == {wanted}, f"{kind}: {[s['authority'] for s in steps]}, expected {wanted}"


@then(parsers.parse('يعتبر عدم اتخاذ أي قرار بمثابة "{approval}" ابتداء من {day}'))
@then(parsers.parse('le silence vaut "{approval}" à compter du {day}'))
def deemed_from(case: Case, approval: str, day: str) -> None:
    kind = word("approval", approval, case.lang)
    steps = _plan_steps(case, kind)
    assert steps[0]["status"] == "deemed", f"{kind}: status {steps[0]['status']}, expected deemed"
    assert steps[0]["lawful_from"] == day.strip(), f"{kind}: deemed from {steps[0]['lawful_from']}"
    assert not [f for f in case.findings() if f.get("approval") == kind], _show(case)


@then(parsers.parse('يكون التوقيع سابقا لأوانه بموجب {citation} ولا يصح قبل {day}'))
@then(parsers.parse("la signature est prématurée selon {citation} et possible à partir du {day}"))
def signing_premature(case: Case, citation: str, day: str) -> None:
    c = cite(case, citation)
    f = _one(case, f"a premature signing under {c}",
             [f for f in case.findings("late_approval") if c.matches(f) and "lawful_from" in f])
    assert f["lawful_from"] == day.strip(), f"signing lawful from {f['lawful_from']}, expected {day}"


@then(parsers.parse('تكون "{approval}" لاحقة للتوقيع بموجب {citation}'))
@then(parsers.parse('"{approval}" intervient après la signature selon {citation}'))
def approval_late(case: Case, approval: str, citation: str) -> None:
    kind, c = word("approval", approval, case.lang), cite(case, citation)
    _one(case, f"{kind} obtained after signing under {c}",
         [f for f in case.findings("late_approval") if f["approval"] == kind and c.matches(f) and "obtained" in f])


@then(parsers.parse('تكون "{approval}" مرفوضة بموجب {citation}'))
@then(parsers.parse('un refus de "{approval}" est constaté selon {citation}'))
def approval_refused(case: Case, approval: str, citation: str) -> None:
    kind, c = word("approval", approval, case.lang), cite(case, citation)
    _one(case, f"{kind} refused under {c}",
         [f for f in case.findings("refused_approval") if f["approval"] == kind and c.matches(f)])


@then(parsers.parse('لا يحترم "{approval}" الأجل الذي يحدده {citation}'))
@then(parsers.parse('"{approval}" ne respecte pas le délai fixé par {citation}'))
def deadline_missed(case: Case, approval: str, citation: str) -> None:
    kind, c = word("approval", approval, case.lang), cite(case, citation)
    _one(case, f"{kind} outside the period set by {c}",
         [f for f in case.findings("late_approval") if f["approval"] == kind and c.matches(f) and f.get("deadline")])


@then(parsers.parse("ينتهي الأجل الذي يحدده {citation} في {day}"))
@then(parsers.parse("le délai fixé par {citation} court jusqu'au {day}"))
def period_runs_until(case: Case, rulebook: Rulebook, citation: str, day: str) -> None:
    """A period the approval plan dates (``plan[].periods``): its last lawful day."""
    c = cite(case, citation)
    periods = [p for s in case.doc["plan"] for p in s.get("periods", ())
               if rulebook.rule(p["rule"]).instrument.id == c.instrument
               and (c.article is None or rulebook.rule(p["rule"]).rule.article == c.article)]
    assert periods, f"no period of {c} in the plan: {case.doc['plan']}"
    assert periods[0]["last_day"] == day.strip(), f"{c}: runs until {periods[0]['last_day']}, expected {day}"
    case.period = periods[0]


@then("هذا التاريخ تقديري لأنه يتوقف على عيد يحدد برؤية الهلال")
@then("cette date est estimée car elle dépend d'une fête fixée par l'observation de la lune")
def period_estimated(case: Case) -> None:
    assert case.period is not None, "no «runs until» step before"
    assert case.period.get("estimated"), f"the period is not marked estimated: {case.period}"
    assert "estimated" in case.doc, "the report does not say that a date of its plan is estimated"


@then("هذا التاريخ غير تقديري")
@then("cette date n'est pas estimée")
def period_not_estimated(case: Case) -> None:
    assert case.period is not None, "no «runs until» step before"
    assert not case.period.get("estimated"), f"the period is marked estimated: {case.period}"


@then(parsers.parse("تكون الاتفاقية ممنوعة بموجب {citation}"))
@then(parsers.parse("la convention est interdite selon {citation}"))
def prohibited(case: Case, citation: str) -> None:
    c = cite(case, citation)
    _one(case, f"a prohibition under {c}", [f for f in case.findings("prohibited") if c.matches(f)])


@then(parsers.parse("لا تكون الاتفاقية ممنوعة بموجب {citation}"))
@then(parsers.parse("la convention n'est pas interdite selon {citation}"))
def not_prohibited(case: Case, citation: str) -> None:
    c = cite(case, citation)
    found = [f for f in case.findings("prohibited") if c.matches(f)]
    assert not found, f"prohibited under {c}:\n{_show(case)}"


@then(parsers.parse('يكون بند "{clause}" ناقصا بموجب {citation}'))
@then(parsers.parse('la clause "{clause}" manque selon {citation}'))
def clause_missing(case: Case, clause: str, citation: str) -> None:
    name, c = word("clause", clause, case.lang), cite(case, citation)
    _one(case, f"missing clause {name} under {c}",
         [f for f in case.findings("missing_clause") if f["clause"] == name and c.matches(f)])


@then(parsers.parse('لا يكون بند "{clause}" ناقصا'))
@then(parsers.parse('la clause "{clause}" ne manque pas'))
def clause_not_missing(case: Case, clause: str) -> None:
    name = word("clause", clause, case.lang)
    found = [f for f in case.findings("missing_clause") if f["clause"] == name]
    assert not found, f"clause {name} reported missing:\n{_show(case)}"


def _names(field_: str, wanted: str) -> bool:
    return field_ == wanted or field_.endswith("." + wanted)


@then(parsers.parse('تنقص معلومة "{info}" بموجب {citation}'))
@then(parsers.parse("l'information \"{info}\" manque selon {citation}"))
def information_missing(case: Case, info: str, citation: str) -> None:
    name, c = word("field", info, case.lang), cite(case, citation)
    _one(case, f"missing information {name} under {c}",
         [f for f in case.findings("missing_information")
          if c.matches(f) and any(_names(x, name) for x in f.get("fields", []))])


@then("لا تنقص أي معلومة")
@then("aucune information ne manque")
def no_information_missing(case: Case) -> None:
    assert not case.findings("missing_information"), _show(case)


@then(parsers.parse('تكون نتيجة الفحص "{verdict}"'))
@then(parsers.parse('le verdict est "{verdict}"'))
def verdict_is(case: Case, verdict: str) -> None:
    wanted = word("verdict", verdict, case.lang)
    assert case.doc["verdict"] == wanted, f"verdict {case.doc['verdict']}, expected {wanted}:\n{_show(case)}"


@then("ينبه التقرير إلى أن السند القانوني غير متحقق منه")
@then("le rapport signale que le fondement juridique n'est pas vérifié")
def basis_unverified(case: Case) -> None:
    found = [f for f in case.findings("unverified_basis") if f["citation"]["instrument"] == case.instrument]
    _one(case, f"an unverified basis from {case.instrument}", found)
    assert all(f["citation"]["status"] == "unverified" for f in found)


@then("لا يسري القانون بعد في هذا التاريخ")
@then("la loi n'est pas encore en vigueur à cette date")
def not_in_force(case: Case) -> None:
    assert [f for f in case.findings("out_of_scope")], _show(case)
    assert not [f for f in case.findings() if (f.get("citation") or {}).get("instrument") == case.instrument], (
        f"{case.instrument} is applied before its entry into force:\n{_show(case)}")


@then("لا تدخل الجماعة المعنية في نطاق هذا القانون")
@then("la collectivité contrôlée n'entre pas dans le champ de ce texte")
def outside_scope(case: Case) -> None:
    """Nothing in the report cites this instrument: the collectivity is either governed by another
    encoded text (a commune by 113-14, not 112-14) or reported out of scope."""
    assert case.findings(), f"an empty report is a silent pass:\n{_show(case)}"
    assert not [f for f in case.findings() if (f.get("citation") or {}).get("instrument") == case.instrument], (
        f"{case.instrument} is applied to a collectivity outside its scope:\n{_show(case)}")
