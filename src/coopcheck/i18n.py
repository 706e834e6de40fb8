"""Every user-facing word in Arabic, French and English.

Legal text is never translated here: it is quoted from the rule files in its original language.
This catalogue holds the interface: labels of the vocabularies, finding messages, headings and
error messages. ``lang_from_env`` picks the default language from the locale (design.md).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from .errors import visible

LANGS = ("ar", "fr", "en")

# word -> (ar, fr, en)
_T = tuple[str, str, str]

VOCAB: dict[str, _T] = {
    # party roles
    "signatory": ("موقع", "signataire", "signatory"),
    "funder": ("ممول", "bailleur de fonds", "funder"),
    # approval kinds
    "council_deliberation": ("مداولة المجلس", "délibération du conseil", "council deliberation"),
    "governor_approval": ("موافقة العامل", "approbation du gouverneur", "governor's approval"),
    "interior_visa": ("التأشيرة على المقرر", "visa de la délibération", "visa on the deliberation"),
    "public_authorities_approval": ("موافقة السلطات العمومية", "approbation des autorités publiques",
                                    "approval of the public authorities"),
    "interior_minister_approval": ("الموافقة المسبقة لوزير الداخلية",
                                   "approbation préalable du ministre de l'Intérieur",
                                   "prior approval of the Minister of the Interior"),
    "wali_approval": ("مصادقة الوالي", "approbation du wali", "wali's approval"),
    "foreign_affairs_opinion": ("رأي وزارة الشؤون الخارجية", "avis du ministère des Affaires étrangères",
                                "opinion of the foreign-affairs ministry"),
    "prefect_transmission": ("الإحالة على ممثل الدولة", "transmission au préfet", "transmission to the prefect"),
    # authorities
    "council": ("المجلس", "le conseil", "the council"),
    "governor": ("عامل العمالة أو الإقليم", "le gouverneur", "the governor"),
    "wali": ("الوالي", "le wali", "the wali"),
    "interior_minister": ("وزير الداخلية", "le ministre de l'Intérieur", "the Minister of the Interior"),
    "public_authorities": ("السلطات العمومية", "les autorités publiques", "the public authorities"),
    "prime_minister": ("الوزير الأول", "le Premier ministre", "the Prime Minister"),
    "foreign_affairs_ministry": ("وزارة الشؤون الخارجية", "le ministère des Affaires étrangères",
                                 "the foreign-affairs ministry"),
    "prefect": ("ممثل الدولة (المحافظ)", "le préfet", "the prefect"),
    # agreement kinds
    "twinning": ("توأمة", "jumelage", "twinning"),
    "cooperation": ("تعاون", "coopération", "cooperation"),
    "partnership": ("شراكة", "partenariat", "partnership"),
    "network_membership": ("انخراط في شبكة", "adhésion à un réseau", "network membership"),
    "exchange": ("تبادل", "échange", "exchange"),
    "funding": ("تمويل", "financement", "funding"),
    "declaration": ("إعلان", "déclaration", "declaration"),
    # party types
    "territorial_collectivity": ("جماعة ترابية", "collectivité territoriale", "territorial collectivity"),
    "state": ("دولة", "État", "State"),
    "public_body": ("هيئة عمومية", "organisme public", "public body"),
    "ngo": ("هيئة غير حكومية", "organisation non gouvernementale", "NGO"),
    "international_organization": ("منظمة دولية", "organisation internationale", "international organisation"),
    "network": ("شبكة", "réseau", "network"),
    "association_of_collectivities": ("جمعية جماعات ترابية", "association de collectivités",
                                      "association of collectivities"),
    "grouping_of_collectivities": ("مجموعة جماعات ترابية", "groupement de collectivités",
                                   "grouping of collectivities"),
    "private_company": ("شركة خاصة", "entreprise privée", "private company"),
    # levels
    "region": ("جهة", "région", "region"),
    "prefecture": ("عمالة", "préfecture", "prefecture"),
    "province": ("إقليم", "province", "province"),
    "commune": ("جماعة", "commune", "commune"),
    "wilaya": ("ولاية", "wilaya", "wilaya"),
    "department": ("مقاطعة", "département", "department"),
    # clauses
    "resources": ("موارد كل طرف", "ressources de chaque partie", "resources of each party"),
    "object": ("موضوع الاتفاقية", "objet", "object"),
    "financial_commitments": ("الالتزامات المالية", "engagements financiers", "financial commitments"),
    # verdicts
    "compliant": ("مطابقة", "conforme", "compliant"),
    "non_compliant": ("غير مطابقة", "non conforme", "non-compliant"),
    "incomplete": ("معلومات ناقصة", "incomplet", "incomplete"),
    "bad_input": ("ملف غير صالح", "fichier invalide", "bad input"),
    "engine_error": ("عطل في المحرك", "panne du moteur", "engine error"),
    # finding kinds
    "missing_approval": ("موافقة ناقصة", "approbation manquante", "missing approval"),
    "late_approval": ("موافقة متأخرة", "approbation tardive", "late approval"),
    "refused_approval": ("موافقة مرفوضة", "approbation refusée", "refused approval"),
    "prohibited": ("ممنوع", "interdit", "prohibited"),
    "missing_clause": ("بند ناقص", "clause manquante", "missing clause"),
    "missing_information": ("معلومة ناقصة", "information manquante", "missing information"),
    "unverified_basis": ("سند غير متحقق منه", "fondement non vérifié", "unverified basis"),
    "out_of_scope": ("خارج النطاق", "hors champ", "out of scope"),
    # severities
    "blocking": ("مانع", "bloquant", "blocking"),
    # review status
    "verified": ("متحقق منه في النص الرسمي", "vérifié sur le texte officiel", "checked against the official text"),
    "unverified": ("غير متحقق منه في النص الرسمي", "non vérifié sur le texte officiel",
                   "NOT checked against the official text"),
    # plan statuses
    "done": ("تم", "obtenu", "obtained"),
    "deemed": ("مفترضة بالسكوت", "réputé acquis (silence)", "deemed given (silence)"),
    "missing": ("ناقص", "manquant", "missing"),
    "pending": ("قيد الانتظار", "en attente", "pending"),
    "refused": ("مرفوض", "refusé", "refused"),
    "late": ("بعد التوقيع", "après la signature", "after signing"),
    "premature": ("التوقيع سابق لأوانه", "signature prématurée", "signing too early"),
    "out_of_order": ("بعد المداولة", "après la délibération", "after the deliberation"),
    "unknown": ("غير معروف", "inconnu", "unknown"),
    "approved": ("موافق عليه", "approuvé", "approved"),
    "yes": ("نعم", "oui", "yes"),
    "no": ("لا", "non", "no"),
}

FIELD_LABELS: dict[str, _T] = {
    "agreement.kind": ("نوع الاتفاقية", "type de convention", "agreement kind"),
    "agreement.signing_date": ("تاريخ التوقيع", "date de signature", "signing date"),
    "agreement.as_of": ("تاريخ القانون المطبق", "date du droit applicable", "date of the law applied"),
    "agreement.duration_years": ("المدة", "durée", "duration"),
    "agreement.tacit_renewal": ("التجديد الضمني", "renouvellement tacite", "tacit renewal"),
    "agreement.creates_legal_person": ("إحداث شخص اعتباري", "création d'une personne morale",
                                       "creates a legal person"),
    "agreement.has_funding": ("تمويل", "financement", "funding"),
    "subject.country": ("البلد", "pays", "country"),
    "subject.type": ("النوع", "type", "type"),
    "subject.level": ("المستوى", "niveau", "level"),
    "partner.country": ("البلد", "pays", "country"),
    "partner.type": ("النوع", "type", "type"),
    "partner.level": ("المستوى", "niveau", "level"),
    "partner.foreign": ("أجنبي", "étranger", "foreign"),
    "partner.role": ("الصفة", "rôle", "role"),
    "partner.funds": ("ممول", "bailleur", "funder"),
}

MESSAGES: dict[str, _T] = {
    "title": ("تقرير المطابقة", "Rapport de conformité", "Compliance report"),
    "agreement": ("الاتفاقية", "Convention", "Agreement"),
    "subject": ("الطرف المعني", "Partie contrôlée", "Party checked"),
    "law_as_of": ("القانون المطبق بتاريخ", "Droit applicable au", "Law as of"),
    "verdict": ("الخلاصة", "Verdict", "Verdict"),
    "findings": ("الملاحظات", "Constats", "Findings"),
    "no_findings": ("لا توجد ملاحظات.", "Aucun constat.", "No findings."),
    "plan": ("مخطط الموافقات", "Plan des approbations", "Approval plan"),
    "no_plan": ("لا توجد موافقات مطلوبة.", "Aucune approbation requise.", "No approval required."),
    "step": ("المرحلة", "Étape", "Step"),
    "approval": ("الموافقة", "Approbation", "Approval"),
    "authority": ("الجهة", "Autorité", "Authority"),
    "party": ("الطرف", "Partie", "Party"),
    "status": ("الحالة", "Statut", "Status"),
    "date": ("التاريخ", "Date", "Date"),
    "because": ("الوقائع", "Parce que", "Because"),
    "remedy": ("الإجراء", "Remède", "Remedy"),
    "article": ("المادة", "article", "article"),
    "quote": ("النص", "Texte", "Text"),
    "source": ("المصدر", "Source", "Source"),
    "rulebook": ("القواعد", "Règles", "Rulebook"),
    "rules_count": ("{rules} قاعدة", "{rules} règles", "{rules} rules"),
    # a rule in plain words (rule_words), and the rulebook site (site)
    "words.one_of": ("{items}", "{items}", "{items}"),
    "words.eq": ("{field}: {value}", "{field} : {value}", "{field}: {value}"),
    "words.ne": ("{field}: غير {value}", "{field} : autre que {value}", "{field}: other than {value}"),
    "words.gt": ("{field} أكثر من {value}", "{field} supérieur à {value}", "{field} above {value}"),
    "words.gte": ("{field} {value} على الأقل", "{field} au moins {value}", "{field} at least {value}"),
    "words.lt": ("{field} أقل من {value}", "{field} inférieur à {value}", "{field} below {value}"),
    "words.lte": ("{field} {value} على الأكثر", "{field} au plus {value}", "{field} at most {value}"),
    "words.given": ("{field} مذكور", "{field} renseigné", "{field} given"),
    "words.not_given": ("{field} غير مذكور", "{field} non renseigné", "{field} not given"),
    "words.some_partner": ("طرف آخر ({conditions})", "une autre partie ({conditions})",
                           "another party ({conditions})"),
    "words.always": ("كل اتفاقية", "toute convention", "every agreement"),
    "words.and": ("؛ ", " ; ", "; "),
    "words.when": ("تطبق القاعدة إذا:", "La règle s'applique si :", "The rule applies when:"),
    "words.or": ("أو", "ou", "or"),
    "words.requires": ("تستلزم {approval}، يختص بها {authority}، قبل التوقيع.",
                       "Elle requiert : {approval}, par {authority}, avant la signature.",
                       "It requires: {approval}, by {authority}, before signing."),
    "words.precedes": ("ويجب أن تسبق {other}.", "Elle doit précéder : {other}.", "It must come before: {other}."),
    "words.deemed": ("ويعتبر سكوت الجهة المختصة {days} يوما بعد توصلها بـ{other} بمثابة موافقة.",
                     "Le silence de l'autorité {days} jours après réception de « {other} » vaut approbation.",
                     "The authority's silence {days} days after receiving the {other} counts as approval."),
    "words.forbids": ("تمنع: {what}.", "Elle interdit : {what}.", "It forbids: {what}."),
    "words.clauses": ("يجب أن تتضمن الاتفاقية البنود: {clauses}.",
                      "La convention doit comporter les clauses : {clauses}.",
                      "The agreement must contain the clauses: {clauses}."),
    "review_unreviewed": ("قواعد طُبّقت ولم يراجعها بعد أي قانوني: {rules}",
                          "Règles appliquées qu'aucun juriste n'a encore relues : {rules}",
                          "Rules applied that no jurist has reviewed yet: {rules}"),
    "review_unverified": ("قواعد طُبّقت ولم يتحقق منها في النص الرسمي: {rules}",
                          "Règles appliquées non vérifiées sur le texte officiel : {rules}",
                          "Rules applied that are not verified against the official text: {rules}"),
    "receipt_due": ("يتوصل بها العامل أو الوزير قبل {date}", "reçue par l'autorité au plus tard le {date}",
                    "received by the authority by {date}"),
    "earliest_signing": ("أقرب تاريخ للتوقيع القانوني", "Signature possible au plus tôt le",
                         "Earliest lawful signing date"),
    "earliest_unknown": ("غير ممكن حسابه: موافقات ناقصة أو ممنوعة",
                         "non calculable : approbations manquantes ou refusées",
                         "cannot be computed: approvals missing, pending or refused"),
    "words.point.date": ("«{approval}»", "l'acte « {approval} »", "the {approval}"),
    "words.point.received": ("توصل السلطة بـ«{approval}»", "la réception de l'acte « {approval} »",
                             "the receipt of the {approval}"),
    "words.span.days": ("{n} يوما", "{n} jours", "{n} days"),
    "words.span.months": ("{n} أشهر", "{n} mois", "{n} months"),
    "words.deadline.at_most": ("يجب أن يتم ({end}) داخل أجل {span} من ({start}).",
                               "{end} intervient au plus tard {span} après {start}.",
                               "{end} comes at most {span} after {start}."),
    "words.deadline.at_least": ("يجب أن يتم ({end}) بعد {span} على الأقل من ({start}).",
                                "{end} intervient au moins {span} après {start}.",
                                "{end} comes at least {span} after {start}."),
    "msg.late_approval.deadline_at_most": (
        "{party}: تم ({end}) في {obtained}، بعد آخر أجل {due} ({span} من {start})",
        "{party} : {end} le {obtained}, après la limite du {due} ({span} après {start})",
        "{party}: {end} on {obtained}, past the limit of {due} ({span} after {start})"),
    "msg.late_approval.deadline_at_least": (
        "{party}: تم ({end}) في {obtained}، قبل {lawful_from} ({span} على الأقل بعد {start})",
        "{party} : {end} le {obtained}, avant le {lawful_from} (au moins {span} après {start})",
        "{party}: {end} on {obtained}, before {lawful_from} (at least {span} after {start})"),
    "due": ("قبل", "avant le", "due by"),
    "before_signing": ("قبل التوقيع", "avant la signature", "before signing"),
    "lawful_from": ("التوقيع ممكن ابتداء من {date}", "signature possible à partir du {date}",
                    "signing lawful from {date}"),
    "msg.missing_approval": ("ناقص: {approval} — الجهة المختصة: {authority} ({party})",
                             "Manquant : {approval} — autorité : {authority} ({party})",
                             "Missing: {approval} — authority: {authority} ({party})"),
    "msg.missing_approval.pending": ("في الانتظار: {approval} — الجهة المختصة: {authority} ({party})",
                                     "En attente : {approval} — autorité : {authority} ({party})",
                                     "Pending: {approval} — authority: {authority} ({party})"),
    "msg.late_approval": ("{approval} حصل عليها بتاريخ {obtained}، بعد التوقيع ({due})",
                          "{approval} obtenue le {obtained}, après la signature ({due})",
                          "{approval} obtained on {obtained}, after signing ({due})"),
    "msg.late_approval.out_of_order": (
        "{approval} حصل عليها بتاريخ {obtained}، بعد مداولة المجلس ({due})؛ يشترط النص الحصول عليها قبل المداولة",
        "{approval} obtenue le {obtained}, après la délibération du conseil ({due}) ; le texte l'exige avant",
        "{approval} obtained on {obtained}, after the council's deliberation ({due}); the text requires it before"),
    "msg.late_approval.premature": ("التوقيع سابق لأوانه: {approval} لا تعتبر حاصلة إلا ابتداء من {lawful_from}",
                                    "Signature prématurée : {approval} n'est acquis qu'à partir du {lawful_from}",
                                    "Signing too early: {approval} is only deemed given from {lawful_from}"),
    "msg.refused_approval": ("رفضت: {approval} ({party})", "Refusée : {approval} ({party})",
                             "Refused: {approval} ({party})"),
    "msg.prohibited": ("ممنوع: {what}", "Interdit : {what}", "Prohibited: {what}"),
    "msg.missing_clause": ("بند ناقص: {clause}", "Clause manquante : {clause}", "Missing clause: {clause}"),
    "msg.missing_information": ("معلومة ناقصة في الملف: {fields}", "Information manquante dans le fichier : {fields}",
                                "Missing from the file: {fields}"),
    "msg.missing_information.scope": (
        "معلومة ناقصة في الملف: {fields} — بها يتحدد النص القانوني الذي يحكم الطرف "
        "(مثلا: الجهة 111.14، العمالة أو الإقليم 112.14، الجماعة 113.14)",
        "Information manquante dans le fichier : {fields} — elle détermine le texte qui régit la partie "
        "(ex. région 111-14, préfecture ou province 112-14, commune 113-14)",
        "Missing from the file: {fields} — it decides which law governs the party "
        "(e.g. region 111-14, prefecture or province 112-14, commune 113-14)"),
    "msg.missing_information.signing_date": (
        "تاريخ التوقيع غير محدد: طبق القانون الجاري به العمل في {as_of} ولا يمكن الحكم على الآجال",
        "Date de signature absente : droit applicable au {as_of}, délais non vérifiables",
        "No signing date: the law in force on {as_of} was applied and deadlines cannot be checked"),
    "msg.unverified_basis": ("القاعدة {rule} غير متحقق منها في النص الرسمي",
                             "La règle {rule} n'a pas été vérifiée sur le texte officiel",
                             "Rule {rule} has not been checked against the official text"),
    "msg.out_of_scope.no_rules": ("لا توجد قواعد مرمزة لـ {country}؛ لم يتم فحص الطرف {party}",
                                  "Aucune règle encodée pour {country} ; la partie {party} n'est pas contrôlée",
                                  "No rules encoded for {country}; party {party} is not checked"),
    "msg.out_of_scope.not_in_force": (
        "لا توجد قواعد مرمزة لـ {country} بتاريخ {date} (القواعد المرمزة تسري من {from})",
        "Aucune règle encodée pour {country} au {date} (les règles encodées s'appliquent à partir du {from})",
        "No rules encoded for {country} on {date} (the encoded rules apply from {from})"),
    "msg.out_of_scope.not_yet_in_force": (
        "{party}: يسري {instrument} ابتداء من {start} فقط؛ لا توجد قواعد مرمزة للقانون الجاري به العمل في {date}، "
        "لم يتم الفحص",
        "{party} : {instrument} ne s'applique qu'à partir du {start} ; le droit en vigueur au {date} n'est pas encodé, "
        "la convention n'est pas contrôlée",
        "{party}: {instrument} applies only from {start}; the law in force on {date} is not encoded, "
        "the agreement is not checked"),
    "msg.out_of_scope.not_yet_in_force.before": (
        "{party}: يسري {instrument} ابتداء من {start} فقط؛ في {date} كان يسري {before}، وهو غير مرمز، لم يتم الفحص",
        "{party} : {instrument} ne s'applique qu'à partir du {start} ; au {date} s'appliquait {before}, "
        "qui n'est pas encodée : la convention n'est pas contrôlée",
        "{party}: {instrument} applies only from {start}; on {date} {before} applied, which is not encoded: "
    "plan_not_checked": ("لم يتم الفحص: لا توجد قواعد مرمزة لهذا الطرف.", "Non contrôlé : aucune règle encodée pour "
                         "cette partie.", "Not checked: no encoded rules for this party."),
    "party_heading": ("الطرف: {party} ({country})", "Partie : {party} ({country})", "Party: {party} ({country})"),
    "msg.out_of_scope.no_rules.reason": ("لا توجد قواعد مرمزة لـ {country}؛ لم يتم فحص الطرف {party} — {reason}",
                                         "Aucune règle encodée pour {country} ; la partie {party} n'est pas "
                                         "contrôlée — {reason}",
                                         "No rules encoded for {country}; party {party} is not checked — {reason}"),
        "the agreement is not checked"),
    "msg.out_of_scope.no_longer_in_force": (
        "{party}: توقف سريان {instrument} في {end}؛ القانون الجاري به العمل في {date} غير مرمز، لم يتم الفحص",
        "{party} : {instrument} a cessé de s'appliquer le {end} ; le droit en vigueur au {date} n'est pas encodé",
        "{party}: {instrument} stopped applying on {end}; the law in force on {date} is not encoded"),
    "msg.out_of_scope.no_instrument": (
        "لا يوجد نص مرمز يحكم هذا الطرف ({type}، {level}) في {country}؛ لم يتم فحصه",
        "Aucun texte encodé ne régit cette partie ({type}, {level}) en {country} ; elle n'est pas contrôlée",
        "No encoded instrument governs this party ({type}, {level}) in {country}; it is not checked"),
    "msg.out_of_scope.not_covered": ("{party}: خارج نطاق {instrument} — {reason}",
                                     "{party} : hors du champ de {instrument} — {reason}",
                                     "{party}: outside the scope of {instrument} — {reason}"),
    "msg.out_of_scope.no_rule": (
        "لا توجد قاعدة مرمزة تغطي هذه الاتفاقية ({kind}) بالنسبة لـ {party}؛ يجب فحصها يدويا",
        "Aucune règle encodée ne couvre cette convention ({kind}) pour {party} ; à vérifier à la main",
        "No encoded rule covers this agreement ({kind}) for {party}; check it by hand"),
    "msg.out_of_scope.no_subject": ("لا يوجد طرف له قواعد مرمزة", "Aucune partie n'a de règles encodées",
                                    "No party has encoded rules"),
    "because.field": ("{party}: {field} = {value}", "{party} : {field} = {value}", "{party}: {field} = {value}"),
    "because.agreement": ("{field} = {value}", "{field} = {value}", "{field} = {value}"),
    "because.country": ("{party}: {country}", "{party} : {country}", "{party}: {country}"),
    "because.instrument_not_in_force": ("{instrument}: {date} ∉ [{from}, {to})",
                                        "{instrument} : {date} ∉ [{from}, {to})",
                                        "{instrument}: {date} ∉ [{from}, {to})"),
    "because.not_in_force": ("{date} < {from}", "{date} < {from}", "{date} < {from}"),
    "because.no_instrument": ("{country} / {type} / {level}", "{country} / {type} / {level}",
                              "{country} / {type} / {level}"),
    "because.no_subject": ("", "", ""),
    "because.no_rule": ("{kind}", "{kind}", "{kind}"),
    "unverified_warning": ("تنبيه: هذه القاعدة غير متحقق منها في النص الرسمي",
                           "Attention : règle non vérifiée sur le texte officiel",
                           "Warning: this rule has not been checked against the official text"),
    "lint_ok": ("القواعد سليمة: {rules} قاعدة في {files} ملفات",
                "Règles valides : {rules} règles dans {files} fichiers",
                "Rulebook is clean: {rules} rules in {files} files"),
    "batch.title": ("ملخص الفحص: {n} ملف", "Synthèse : {n} fichier(s)", "Summary: {n} file(s)"),
    "batch.party": ("الطرف", "Partie", "Party"),
    "batch.verdict": ("الخلاصة", "Verdict", "Verdict"),
    "batch.blocking": ("مانعة", "Bloquants", "Blocking"),
    "batch.first_missing": ("أول موافقة ناقصة / الخطأ", "Première approbation manquante / erreur",
                            "First missing approval / error"),
    "batch.file_agreement": ("الملف / الاتفاقية", "Fichier / convention", "File / agreement"),
    "batch.progress": ("فحص الاتفاقيات", "Contrôle des conventions", "Checking agreements"),
    "batch.totals": ("{compliant} مطابقة، {non_compliant} غير مطابقة، {incomplete} ناقصة المعلومات، "
                     "{bad_input} ملف غير صالح، {engine_error} عطل",
                     "{compliant} conforme(s), {non_compliant} non conforme(s), {incomplete} incomplet(s), "
                     "{bad_input} fichier(s) invalide(s), {engine_error} panne(s)",
                     "{compliant} compliant, {non_compliant} non-compliant, {incomplete} incomplete, "
                     "{bad_input} bad input, {engine_error} engine error(s)"),
    "batch.no_files": ("لا يوجد ملف اتفاقية (.yaml أو .yml أو .json) في {paths}",
                       "Aucun fichier de convention (.yaml, .yml, .json) dans {paths}",
                       "No agreement file (.yaml, .yml, .json) in {paths}"),
    "errors_in": ("{n} خطأ", "{n} erreur(s)", "{n} error(s)"),
}

PROBLEMS: dict[str, _T] = {
    "pydantic:missing": ("حقل إلزامي ناقص", "champ obligatoire manquant", "required field missing"),
    "pydantic:extra_forbidden": ("حقل غير معروف", "champ inconnu", "unknown field"),
    "pydantic:enum": ("قيمة غير مقبولة؛ القيم المقبولة: {choices}", "valeur non admise ; valeurs admises : {choices}",
                      "value not allowed; allowed: {choices}"),
    "pydantic:literal_error": ("قيمة غير مقبولة؛ المتوقع: {expected}", "valeur non admise ; attendu : {expected}",
                               "value not allowed; expected: {expected}"),
    "pydantic:date_from_datetime_parsing": ("تاريخ غير موجود أو غير صحيح", "date inexistante ou invalide",
                                            "not a real date"),
    "pydantic:bool_type": ("المتوقع true أو false", "attendu : true ou false", "expected true or false"),
    "pydantic:int_type": ("المتوقع عدد صحيح", "attendu : un nombre entier", "expected a whole number"),
    "pydantic:string_type": ("المتوقع نص", "attendu : un texte", "expected a text"),
    "pydantic:list_type": ("المتوقع قائمة", "attendu : une liste", "expected a list"),
    "pydantic:model_type": ("المتوقع مجموعة حقول", "attendu : un ensemble de champs", "expected a mapping of fields"),
    "pydantic:dict_type": ("المتوقع مجموعة حقول", "attendu : un ensemble de champs", "expected a mapping of fields"),
    "pydantic:too_short": ("عدد العناصر أقل من المطلوب", "trop peu d'éléments", "too few items"),
    "pydantic:greater_than_equal": ("يجب أن يكون ≥ {ge}", "doit être ≥ {ge}", "must be ≥ {ge}"),
    "pydantic:less_than_equal": ("يجب أن يكون ≤ {le}", "doit être ≤ {le}", "must be ≤ {le}"),
    "pydantic:string_pattern_mismatch": ("الصيغة غير صحيحة", "format invalide", "wrong format"),
    "pydantic:received_before_date": ("تاريخ التوصل ({received}) سابق لتاريخ المقرر ({date})",
                                      "date de réception ({received}) antérieure à la date de l'acte ({date})",
                                      "received ({received}) is before the date of the approval ({date})"),
    "pydantic:iso_date": ("المتوقع تاريخ بصيغة YYYY-MM-DD", "attendu : une date AAAA-MM-JJ (YYYY-MM-DD)",
                          "expected a date written YYYY-MM-DD"),
    "pydantic:country_code": ("'{value}' ليس رمز بلد ISO 3166-1 (مثلا MA، DZ، FR)",
                              "'{value}' n'est pas un code pays ISO 3166-1 (ex. MA, DZ, FR)",
                              "'{value}' is not an ISO 3166-1 alpha-2 country code (e.g. MA, DZ, FR)"),
    "pydantic:text_language": ("يجب كتابة النص بلغة واحدة على الأقل: ar أو fr أو en",
                               "donner le texte dans au moins une langue : ar, fr ou en",
                               "give the text in at least one language: ar, fr or en"),
    "pydantic:date_parsing": ("تاريخ غير موجود أو غير صحيح", "date inexistante ou invalide", "not a real date"),
    "pydantic:date_type": ("المتوقع تاريخ بصيغة YYYY-MM-DD", "attendu : une date AAAA-MM-JJ (YYYY-MM-DD)",
                           "expected a date written YYYY-MM-DD"),
    "pydantic:int_parsing": ("المتوقع عدد صحيح", "attendu : un nombre entier", "expected a whole number"),
    "pydantic:int_from_float": ("المتوقع عدد صحيح", "attendu : un nombre entier", "expected a whole number"),
    "pydantic:bool_parsing": ("المتوقع true أو false", "attendu : true ou false", "expected true or false"),
    "pydantic:string_too_short": ("النص فارغ أو أقصر من المطلوب", "texte vide ou trop court",
                                  "text is empty or too short"),
    "pydantic:string_too_long": ("النص أطول من المسموح ({max_length} حرفا على الأكثر)",
                                 "texte trop long ({max_length} caractères au plus)",
                                 "text too long (at most {max_length} characters)"),
    "pydantic:value_error": ("قيمة غير صالحة: {detail}", "valeur invalide : {detail}", "{detail}"),
    "pydantic:identifier": ("المعرف من 1 إلى 64 حرفا لاتينيا صغيرا أو رقما أو '.' أو '_' أو '-'",
                            "un identifiant : 1 à 64 minuscules, chiffres, '.', '_' ou '-'",
                            "an id is 1-64 lower-case letters, digits, '.', '_' or '-'"),
    "rule.versions_overlap": ("الحكم {provision}: الصيغتان {first} و{second} تطبقان معا في {date}",
                              "disposition {provision} : {first} et {second} s'appliquent toutes deux le {date}",
                              "provision {provision}: {first} and {second} both apply on {date}"),
    "rule.dangling_approval": ("{approval}: لا تستلزم أي قاعدة من {instrument} هذه الموافقة، فلن يطبق هذا القيد أبدا",
                               "{approval} : aucune règle de {instrument} ne requiert cette approbation, la contrainte "
                               "ne s'appliquerait jamais",
                               "{approval}: no rule of {instrument} requires this approval, so this constraint "
                               "would never apply"),
    "rule.versions_gap": ("الحكم {provision}: لا تطبق أي صيغة منه من {start} إلى {end} (بين {first} و{second})",
                          "disposition {provision} : aucune version ne s'applique du {start} au {end} "
                          "(entre {first} et {second})",
                          "provision {provision}: no version applies from {start} to {end} (between {first} "
                          "and {second})"),
    "rule.outside_instrument": ("فترة سريان {rule} تتجاوز فترة سريان {instrument}",
                                "la période d'application de {rule} déborde celle de {instrument}",
                                "{rule}'s period in force reaches outside {instrument}'s"),
    "rule.provision_instruments": ("صيغ الحكم {provision} تنتمي إلى نصوص مختلفة",
                                   "les versions de la disposition {provision} relèvent de textes différents",
                                   "the versions of provision {provision} belong to different instruments"),
    "ref.unknown_party": ("'{id}' ليس معرف طرف ({known})", "'{id}' n'est l'identifiant d'aucune partie ({known})",
                          "'{id}' is not the id of a party ({known})"),
    "ref.duplicate_party": ("المعرف '{id}' مستعمل مرتين", "l'identifiant '{id}' est utilisé deux fois",
                            "party id '{id}' is used twice"),
    "file.unreadable": ("تعذرت قراءة الملف", "fichier illisible", "cannot read the file"),
    "file.too_large": ("الملف أكبر من {limit_mib} ميغابايت", "le fichier dépasse {limit_mib} Mio",
                       "the file is larger than {limit_mib} MiB"),
    "file.utf16": ("الملف بترميز UTF-16 (أو ملف ثنائي) وليس نصا بترميز UTF-8: احفظوه بترميز UTF-8",
                   "le fichier est en UTF-16 (ou binaire), pas en UTF-8 : l'enregistrer en UTF-8",
                   "the file is UTF-16 (or binary), not UTF-8 text: save it as UTF-8"),
    "file.not_utf8": ("الملف ليس نصا بترميز UTF-8", "le fichier n'est pas en UTF-8", "the file is not UTF-8 text"),
    "file.empty": ("الملف فارغ", "le fichier est vide", "the file is empty"),
    "file.not_mapping": ("يجب أن يكون الملف مجموعة حقول، لا قائمة ولا قيمة واحدة",
                         "le fichier doit être un ensemble de champs, pas une liste ni une valeur",
                         "the file must be a mapping of fields, not a list or a single value"),
    "yaml.syntax": ("خطأ في الصيغة: {detail}", "erreur de syntaxe : {detail}", "syntax error: {detail}"),
    "yaml.tab": ("حرف جدولة (TAB) في المسافة البادئة؛ استعملوا المسافات",
                 "tabulation (TAB) dans l'indentation ; utiliser des espaces",
                 "a tab character (TAB) in the indentation; indent with spaces"),
    "yaml.duplicate_key": ("الحقل '{key}' مكرر", "clé '{key}' en double", "duplicate key '{key}'"),
    "yaml.indentation": ("خطأ في الصيغة: إزاحة هذا السطر لا تتوافق مع الأسطر السابقة ({detail})",
                         "erreur de syntaxe : l'indentation de cette ligne ne correspond pas aux lignes précédentes "
                         "({detail})",
                         "syntax error: this line's indentation does not fit the lines above ({detail})"),
    "yaml.unclosed_quote": ("علامة التنصيص {quote} المفتوحة هنا لم تغلق",
                            "le guillemet {quote} ouvert ici n'est jamais fermé",
                            "the quote {quote} opened here is never closed"),
    "yaml.unclosed_bracket": ("القوس {bracket} المفتوح هنا لم يغلق", "le signe {bracket} ouvert ici n'est jamais fermé",
                              "the bracket {bracket} opened here is never closed"),
    "yaml.alias": ("المراسي والأسماء المستعارة ومفاتيح الدمج (& و* و<<) غير مقبولة: اكتبوا القيمة كاملة",
                   "ancres, alias et clés de fusion (&, *, <<) non admis : écrire la valeur en entier",
                   "anchors, aliases and merge keys (&, *, <<) are not allowed: write the value out"),
    "yaml.too_deep": ("تداخل يتجاوز {limit} مستوى", "imbrication de plus de {limit} niveaux",
                      "nested deeper than {limit} levels"),
    "yaml.too_many_values": ("أكثر من {limit} قيمة في ملف واحد", "plus de {limit} valeurs dans un seul fichier",
                             "more than {limit} values in one file"),
    "yaml.key_not_text": ("اسم الحقل كلمة، لا '{key}' (ضعوه بين علامتي تنصيص إن كان نصا)",
                          "un nom de champ est un mot, pas '{key}' (le mettre entre guillemets si c'est du texte)",
                          "a field name is a word, not '{key}' (quote it if it is meant as text)"),
    "text.bidi": ("حرف تحكم في اتجاه الكتابة ({char} {name}): قد يغير ترتيب عرض الكلمات؛ احذفوه",
                  "caractère de contrôle bidirectionnel ({char} {name}) : il peut changer l'ordre d'affichage "
                  "des mots ; le supprimer",
                  "a bidirectional control character ({char} {name}): it can change the order in which words "
                  "are shown; remove it"),
    "text.control": ("حرف تحكم ({char})؛ احذفوه", "caractère de contrôle ({char}) ; le supprimer",
                     "a control character ({char}); remove it"),
    "json.syntax": ("خطأ في صيغة JSON: {detail}", "erreur de syntaxe JSON : {detail}", "JSON syntax error: {detail}"),
    "json.comment": ("لا تقبل صيغة JSON التعليقات؛ احذفوا التعليق", "JSON n'admet pas de commentaires ; le supprimer",
                     "JSON has no comments; remove it"),
    "json.trailing_comma": ("فاصلة قبل قوس الإغلاق (لا تقبل صيغة JSON فاصلة زائدة)",
                            "virgule avant un crochet fermant (JSON n'admet pas de virgule finale)",
                            "a comma before a closing bracket (JSON allows no trailing comma)"),
    "json.single_quote": ("في JSON تكتب النصوص وأسماء الحقول بين علامتي تنصيص مزدوجتين",
                          "en JSON, textes et noms s'écrivent entre guillemets doubles",
                          "JSON strings and names are written in double quotes"),
    "json.not_json": ("هذا الملف .json ليس بصيغة JSON (إذا كان بصيغة YAML فغيروا امتداده إلى .yaml)",
                      "ce fichier .json n'est pas du JSON (si c'est du YAML, le nommer .yaml)",
                      "this .json file is not JSON (if it is YAML, name it .yaml)"),
    "value.null": ("لا توجد قيمة (فارغة أو null) في حقل يستلزم قيمة",
                   "aucune valeur (vide ou null) alors qu'une valeur est requise",
                   "no value (empty or null) where one is required"),
    "ref.duplicate_approval": ("نفس الموافقة ({kind} من {of}، {date}) مذكورة من قبل في approvals.{first}",
                               "la même approbation ({kind} de {of}, {date}) figure déjà en approvals.{first}",
                               "the same approval ({kind} of {of}, {date}) is already listed as approvals.{first}"),
    # rule files (coopcheck rules lint); {detail} is the linter's own English wording
    "rule.condition": ("شرط غير صالح: {detail}", "condition invalide : {detail}", "{detail}"),
    "rule.scope": ("applies_to شرط بسيط من اختبارات على subject.* و agreement.*",
                   "applies_to est une simple conjonction de tests sur subject.* / agreement.*",
                   "applies_to is a plain conjunction of subject.* / agreement.* tests"),
    "rule.unverified_without_note": ("القاعدة غير المتحقق منها تذكر في note سبب ذلك وما يجب التحقق منه",
                                     "une règle non vérifiée dit dans 'note' pourquoi et ce qu'il faut vérifier",
                                     "an unverified rule says in 'note' why it is unverified and what to check"),
    "rule.no_quote": ("يجب نقل نص المادة بلغته الأصلية (ar أو fr)",
                      "le texte de l'article doit être cité dans sa langue originale (ar ou fr)",
                      "the quoted article text must be in its original language (ar or fr)"),
    "rule.never_in_force": ("تاريخ سريان القاعدة يبدأ خارج مدة سريان النص",
                            "l'entrée en vigueur de la règle commence hors de celle de son texte",
                            "the rule's in_force starts outside its instrument's in_force"),
    "rule.never_fires": ("هذا الشرط لا يمكن أن يتحقق أبدا ({detail})",
                         "cette condition ne peut jamais être remplie ({detail})", "{detail}"),
    "rule.duplicate_id": ("معرف القاعدة مكرر ({detail})", "identifiant de règle en double ({detail})", "{detail}"),
    "rule.duplicate_instrument": ("معرف النص مكرر ({detail})", "identifiant de texte en double ({detail})",
                                  "{detail}"),
    "rule.limit_per_fact": ("عدد قواعد المحرك ({count}) يتجاوز الحد ({limit}) ({detail})",
                            "trop de règles moteur ({count}, limite {limit}) ({detail})", "{detail}"),
    "rule.limit_total": ("عدد قواعد المحرك ({count}) يتجاوز الحد ({limit})",
                         "trop de règles moteur ({count}, limite {limit})", "{detail}"),
    "rules.no_dir": ("لا يوجد مجلد للقواعد هنا", "pas de dossier de règles ici", "no rules directory here"),
    "rules.empty": ("لا توجد ملفات قواعد (*.yaml) هنا", "aucun fichier de règles (*.yaml) ici",
                    "no rule files (*.yaml) here"),
}

DID_YOU_MEAN: _T = ("هل تقصد '{suggestion}'؟", "vouliez-vous dire '{suggestion}' ?", "did you mean '{suggestion}'?")


def _pick(entry: _T, lang: str) -> str:
    return entry[LANGS.index(lang)] if lang in LANGS else entry[2]


def word(key: str, lang: str) -> str:
    """The label of a vocabulary word, or the word itself when it has none."""
    entry = VOCAB.get(key)
    return _pick(entry, lang) if entry else key


def field(path: str, lang: str) -> str:
    entry = FIELD_LABELS.get(path)
    return _pick(entry, lang) if entry else path


def text(key: str, lang: str, **params: Any) -> str:
    entry = MESSAGES.get(key)
    template = _pick(entry, lang) if entry else key
    return template.format(**params) if params else template


def problem_text(code: str, english: str, params: Mapping[str, Any], lang: str) -> str:
    """A located problem's message in ``lang`` (English library message as the last resort)."""
    entry = PROBLEMS.get(code)
    if entry is None or (lang == "en" and code.startswith("pydantic:") and code not in (
            "pydantic:enum", "pydantic:extra_forbidden")):
        message = english
    else:
        try:
            message = _pick(entry, lang).format(**{"detail": english, **params})
        except (KeyError, IndexError):
            message = english
    if params.get("suggestion"):
        message += " — " + _pick(DID_YOU_MEAN, lang).format(suggestion=params["suggestion"])
    if lang != "en" and entry is None:
        message = english
    return visible(message)   # one line, never a bidi control or an escape from the input


def lang_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``ar``/``fr`` when the locale says so (LC_ALL, LC_MESSAGES, LANG), else ``en``."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            code = value[:2].lower()
            return code if code in LANGS else "en"
    return "en"
    "rule.duplicate_jurisdiction": ("سبق التصريح بخروج {country} عن النطاق في {first}",
                                    "{country} est déjà déclaré hors champ dans {first}",
                                    "{country} is already said to be out of scope in {first}"),
    "rule.jurisdiction_has_rules": ("لـ {country} نصوص مرمزة: لن يُذكر سبب خروجها عن النطاق أبدا؛ "
                                    "احذفوا هذا الملف أو النصوص",
                                    "{country} a des textes encodés : sa raison d'être hors champ ne serait jamais "
                                    "donnée ; supprimer ce fichier ou les textes",
                                    "{country} has encoded instruments: its out_of_scope reason would never be given; "
                                    "remove this file or the instruments"),
