# language: fr
@french @MA-OL-112-14
Fonctionnalité: Coopération internationale décentralisée des préfectures et provinces (loi organique 112-14)
  Les conventions qu'une préfecture ou une province conclut avec des acteurs hors du Royaume ou
  avec des collectivités territoriales nationales, lues selon la loi organique n° 112-14 à la date
  de signature prévue. La première partie du tableau des parties est la préfecture ou la province
  dont la situation est vérifiée.

  Contexte:
    Étant donné que l'on lit la loi organique 112-14 à la date du 2018-04-25

  # ---- Article 85, alinéa 1 : approbation des autorités publiques ----------------------------

  @art-85 @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 1 de la loi organique 112-14 : une convention avec un acteur hors du Royaume requiert l'approbation des autorités publiques
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 85 alinéa 1
    Et le verdict est "non conforme"

  @art-85 @escapes-MA-112-14-85-foreign-state @escapes-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 1 de la loi organique 112-14 : une convention avec une collectivité nationale ne requiert pas l'approbation des autorités publiques
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation des autorités publiques"

  @art-85 @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 1 de la loi organique 112-14 : l'approbation des autorités publiques obtenue avant la signature satisfait l'exigence
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2018-04-10 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation des autorités publiques"
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "accomplie"

  @art-85 @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 1 de la loi organique 112-14 : l'approbation des autorités publiques après la signature est tardive
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2018-05-10 | favorable |
    Quand la convention est vérifiée
    Alors "approbation des autorités publiques" intervient après la signature selon l'article 85 alinéa 1

  @art-85 @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 1 de la loi organique 112-14 : une demande d'approbation des autorités publiques en attente n'en tient pas lieu
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                                | date       | résultat   |
      | approbation des autorités publiques | 2018-04-02 | en attente |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 85 alinéa 1
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "en attente"

  # ---- Article 85, alinéa 2 : aucune convention avec un État étranger -------------------------

  @art-85 @fires-MA-112-14-85-foreign-state @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 2 de la loi organique 112-14 : aucune convention ne peut être conclue avec un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | france | FR   | État                      |            |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 85 alinéa 2
    Et le verdict est "non conforme"

  @art-85 @escapes-MA-112-14-85-foreign-state @escapes-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 2 de la loi organique 112-14 : l'État marocain n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | maroc | MA   | État                      |            |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 85 alinéa 2

  @art-85 @fires-MA-112-14-85-public-authorities
  Scénario: Article 85 alinéa 2 de la loi organique 112-14 : une organisation internationale n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                        | niveau     |
      | rabat | MA   | collectivité territoriale   | préfecture |
      | pnud  | US   | organisation internationale |            |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 85 alinéa 2

  # ---- Article 94 : délibération du conseil sur les projets de jumelage et de coopération décentralisée

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : un projet de jumelage avec une collectivité étrangère est soumis à la délibération du conseil
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : une convention de coopération décentralisée avec une collectivité nationale est aussi soumise à la délibération du conseil
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : la délibération du conseil avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-07 | 2018-03-12 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et l'état de "délibération du conseil" dans le plan des approbations est "accomplie"

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : le conseil rejette le projet de convention
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | résultat |
      | délibération du conseil | 2018-03-07 | refus    |
    Quand la convention est vérifiée
    Alors un refus de "délibération du conseil" est constaté selon l'article 94

  @art-94 @escapes-MA-112-14-94-exchange-council @escapes-MA-112-14-94-exchange-governor @escapes-MA-112-14-94-organisations-council @escapes-MA-112-14-94-partnership-council @escapes-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : un jumelage avec un État étranger n'est pas un jumelage avec une collectivité territoriale
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | france | FR   | État                      |            |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 94 : adhésion aux organisations concernées par les affaires locales ------------

  @art-94 @fires-MA-112-14-94-organisations-council
  Scénario: Article 94 de la loi organique 112-14 : l'adhésion à une organisation concernée par les affaires locales est soumise à la délibération du conseil
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                      | niveau     |
      | rabat        | MA   | collectivité territoriale | préfecture |
      | cglu-afrique | MA   | réseau                    |            |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @fires-MA-112-14-94-organisations-council
  Scénario: Article 94 de la loi organique 112-14 : l'adhésion après délibération du conseil est conforme
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                      | niveau     |
      | rabat        | MA   | collectivité territoriale | préfecture |
      | cglu-afrique | MA   | réseau                    |            |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-02-05 | 2018-02-07 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  # ---- Article 94 : conventions de coopération et de partenariat avec le secteur public ou privé

  @art-94 @fires-MA-112-14-94-partnership-council
  Scénario: Article 94 de la loi organique 112-14 : une convention de partenariat avec un établissement public est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | ormvag | MA   | établissement public      |            |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @fires-MA-112-14-94-partnership-council
  Scénario: Article 94 de la loi organique 112-14 : une convention de partenariat avec une entreprise privée après délibération du conseil est conforme
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | ocp   | MA   | entreprise privée         |            |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-07 | 2018-03-09 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  @art-94 @fires-MA-112-14-94-partnership-council
  Scénario: Article 94 de la loi organique 112-14 : une convention de partenariat avec l'État (secteur public) est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | maroc | MA   | État                      |            |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : une convention de financement avec une collectivité étrangère est soumise à la délibération du conseil
    Soit une convention du type "financement" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | occitanie | FR   | collectivité territoriale | région     |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  # ---- Article 94 : toute forme d'échange avec des collectivités territoriales étrangères -----

  @art-94 @fires-MA-112-14-94-exchange-council @fires-MA-112-14-94-exchange-governor
  Scénario: Article 94 de la loi organique 112-14 : un échange avec une collectivité étrangère est soumis à la délibération du conseil
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94

  @art-94 @escapes-MA-112-14-94-exchange-council @escapes-MA-112-14-94-exchange-governor @escapes-MA-112-14-94-organisations-council @escapes-MA-112-14-94-partnership-council @escapes-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : un échange avec une collectivité nationale n'est pas soumis à la délibération du conseil à ce titre
    Soit une convention du type "échange" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 94 : approbation du gouverneur de la préfecture ou province pour les échanges --

  @art-94 @fires-MA-112-14-94-exchange-council @fires-MA-112-14-94-exchange-governor
  Scénario: Article 94 de la loi organique 112-14 : un échange avec une collectivité étrangère requiert l'approbation du gouverneur
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "approbation du gouverneur" selon l'article 94

  @art-94 @fires-MA-112-14-94-exchange-council @fires-MA-112-14-94-exchange-governor
  Scénario: Article 94 de la loi organique 112-14 : une délibération du conseil antérieure à l'approbation du gouverneur ne respecte pas l'ordre du texte
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                      | date       | résultat  |
      | délibération du conseil   | 2018-03-01 | favorable |
      | approbation du gouverneur | 2018-03-20 | favorable |
    Quand la convention est vérifiée
    Alors l'état de "approbation du gouverneur" dans le plan des approbations est "postérieure à la délibération"
    Et le verdict est "non conforme"

  @art-94 @escapes-MA-112-14-94-exchange-council @escapes-MA-112-14-94-exchange-governor @escapes-MA-112-14-94-organisations-council @escapes-MA-112-14-94-partnership-council @escapes-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : un échange avec une collectivité nationale ne requiert pas l'approbation du gouverneur
    Soit une convention du type "échange" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du gouverneur"

  @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 94 de la loi organique 112-14 : un jumelage avec une collectivité étrangère ne requiert pas l'approbation du gouverneur mais son visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du gouverneur"

  # ---- Article 109 : visa du gouverneur sur la délibération, dans les vingt jours -------------

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : la délibération sur un jumelage avec une collectivité étrangère n'est exécutoire qu'après le visa du gouverneur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 109

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : le silence au-delà du délai de vingt jours vaut visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-07 | 2018-03-12 | favorable |
    Quand la convention est vérifiée
    Alors le silence vaut "visa" à compter du 2018-04-02
    Et il ne manque pas "visa"

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : signer avant l'expiration du délai de vingt jours est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-04-06 | 2018-04-10 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 109 et possible à partir du 2018-05-01
    Et l'état de "visa" dans le plan des approbations est "prématurée"

  @art-109 @fires-MA-112-14-109-visa
  Plan du scénario: Article 109 de la loi organique 112-14 : le jour de la réception ne compte pas, la délibération est exécutoire le lendemain du vingtième jour
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le    | résultat  |
      | délibération du conseil | 2018-03-30 | <réception> | favorable |
    Quand la convention est vérifiée
    Alors l'état de "visa" dans le plan des approbations est "<état>"

    Exemples:
      | réception  | état       |
      | 2018-04-04 | tacite     |
      | 2018-04-05 | prématurée |

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : sans date de réception de la délibération, le délai ne peut être compté
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2018-03-07 | favorable |
    Quand la convention est vérifiée
    Alors l'information "date de réception" manque selon l'article 109

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : le visa du gouverneur avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-04-06 | 2018-04-10 | favorable |
      | visa                    | 2018-04-20 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "accomplie"

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : un visa exprès après la signature n'efface pas le visa tacite acquis avant elle
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-07 | 2018-03-12 | favorable |
      | visa                    | 2018-05-10 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "tacite"

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : le gouverneur refuse son visa à la délibération
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-07 | 2018-03-12 | favorable |
      | visa                    | 2018-03-20 |            | refus     |
    Quand la convention est vérifiée
    Alors un refus de "visa" est constaté selon l'article 109

  @art-109 @escapes-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : la délibération sur un jumelage avec une collectivité nationale n'est pas soumise à ce visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  # ---- Article 141 : des conventions qui ne requièrent pas la création d'une personne morale --

  @art-141 @fires-MA-112-14-141-no-legal-person
  Scénario: Article 141 de la loi organique 112-14 : une convention de partenariat qui crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | ormvag | MA   | établissement public      |            |
    Et la convention crée une personne morale
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 141

  @art-141 @escapes-MA-112-14-141-no-legal-person
  Scénario: Article 141 de la loi organique 112-14 : une convention de partenariat qui ne crée pas de personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | ormvag | MA   | établissement public      |            |
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 141

  @art-141 @fires-MA-112-14-141-no-legal-person
  Scénario: Article 141 de la loi organique 112-14 : la convention doit dire si elle crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | ormvag | MA   | établissement public      |            |
    Quand la convention est vérifiée
    Alors l'information "création d'une personne morale" manque selon l'article 141

  # ---- Article 142 : les ressources que chaque partie mobilise --------------------------------

  @art-142 @fires-MA-112-14-142-resources
  Scénario: Article 142 de la loi organique 112-14 : une convention de coopération qui ne fixe pas les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | amsed | MA   | ONG                       |            |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" manque selon l'article 142

  @art-142 @escapes-MA-112-14-142-resources
  Scénario: Article 142 de la loi organique 112-14 : une convention de coopération qui fixe les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | amsed | MA   | ONG                       |            |
    Et la convention contient les clauses "objet, durée, ressources"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  @art-142 @fires-MA-112-14-142-resources
  Scénario: Article 142 de la loi organique 112-14 : les clauses de la convention doivent être données pour vérifier la clause des ressources
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | amsed | MA   | ONG                       |            |
    Quand la convention est vérifiée
    Alors l'information "clauses" manque selon l'article 142

  @art-142 @escapes-MA-112-14-142-resources
  Scénario: Article 142 de la loi organique 112-14 : la clause des ressources n'est pas exigée à ce titre d'une convention de jumelage
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  # ---- Article 137 : aucune convention entre un groupement et un État étranger ----------------

  @art-137 @fires-MA-112-14-137-grouping-foreign-state
  Scénario: Article 137 de la loi organique 112-14 : aucune convention ne peut être conclue entre un groupement de préfectures ou provinces et un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id            | pays | type                        | niveau     |
      | groupement-pp | MA   | groupement de collectivités | préfecture |
      | france        | FR   | État                        |            |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 137
    Et le verdict est "non conforme"

  @art-137 @escapes-MA-112-14-137-grouping-foreign-state
  Scénario: Article 137 de la loi organique 112-14 : une convention d'un groupement de préfectures ou provinces avec une collectivité étrangère n'est pas interdite
    Soit une convention du type "coopération" entre les parties suivantes :
      | id            | pays | type                        | niveau      |
      | groupement-pp | MA   | groupement de collectivités | province    |
      | occitanie     | FR   | collectivité territoriale   | région      |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 137

  @art-137 @escapes-MA-112-14-137-grouping-foreign-state
  Scénario: Article 137 de la loi organique 112-14 : la préfecture elle-même avec un État étranger relève de l'article 85, non de l'article 137
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau     |
      | rabat  | MA   | collectivité territoriale | préfecture |
      | france | FR   | État                      |            |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 137
    Et la convention est interdite selon l'article 85 alinéa 2

  # ---- Champ de la loi organique 112-14 : les préfectures et provinces seulement --------------

  @scope
  Scénario: Champ de la loi organique 112-14 : une commune relève d'une autre loi organique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id       | pays | type                      | niveau  |
      | belfaa   | MA   | collectivité territoriale | commune |
      | geetbets | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la collectivité contrôlée n'entre pas dans le champ de ce texte

  @art-109 @fires-MA-112-14-109-visa
  Scénario: Article 109 de la loi organique 112-14 : le visa de la délibération sur un jumelage relève du gouverneur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id | pays | type | niveau |
      | rabat | MA | collectivité territoriale | préfecture |
      | bamako-c3 | ML | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 109
    Et "visa" relève de "le gouverneur"

  # ---- Délais en jours ouvrables (transmission au contrôle, délai d'opposition) ----------

  @art-107 @fires-MA-112-14-107-transmission
  Scénario: Article 107 de la loi organique 112-14 : les copies de la délibération parvenues au gouverneur après dix jours ouvrables suivant la clôture de la session sont hors délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-01 | 2018-03-20 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par l'article 107
    Et le délai fixé par l'article 107 court jusqu'au 2018-03-15
    Et le verdict est "non conforme"

  @art-107 @escapes-MA-112-14-107-transmission
  Scénario: Article 107 de la loi organique 112-14 : les copies de la délibération parvenues au gouverneur le dernier jour ouvrable du délai sont dans le délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-03-01 | 2018-03-15 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 107 court jusqu'au 2018-03-15
    Et cette date n'est pas estimée
    Et le verdict est "conforme"

  @art-108 @fires-MA-112-14-108-objection-period
  Scénario: Article 108 de la loi organique 112-14 : signer pendant le délai d'opposition de trois jours ouvrables est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-04-20 | 2018-04-23 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 108 et possible à partir du 2018-04-27
    Et le verdict est "non conforme"

  @art-108 @escapes-MA-112-14-108-objection-period
  Scénario: Article 108 de la loi organique 112-14 : la délibération est exécutoire une fois le délai d'opposition expiré sans opposition
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2018-04-16 | 2018-04-18 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 108 court jusqu'au 2018-04-23
    Et le verdict est "conforme"
