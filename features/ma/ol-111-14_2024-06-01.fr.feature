# language: fr
@french @MA-OL-111-14
Fonctionnalité: Coopération internationale décentralisée des régions (loi organique 111-14)
  Les conventions qu'une région conclut avec des acteurs hors du Royaume ou avec des
  collectivités territoriales nationales, lues selon la loi organique n° 111-14 à la date de
  signature prévue. La première partie du tableau des parties est la région dont la situation
  est vérifiée.

  Contexte:
    Étant donné que l'on lit la loi organique 111-14 à la date du 2024-06-01

  # ---- Article 82, alinéa 1 : approbation des autorités publiques ----------------------------

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : une convention avec un acteur hors du Royaume requiert l'approbation des autorités publiques
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 82 alinéa 1
    Et le verdict est "non conforme"

  @art-82 @escapes-MA-111-14-82-foreign-state @escapes-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : une convention avec une collectivité nationale ne requiert pas l'approbation des autorités publiques
    Soit une convention du type "coopération" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation des autorités publiques"

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : obtenir un financement d'un acteur hors du Royaume requiert l'approbation des autorités publiques
    Soit une convention du type "financement" entre les parties suivantes :
      | id        | pays | type                      | niveau | rôle              |
      | rsk       | MA   | collectivité territoriale | région | signataire        |
      | occitanie | FR   | collectivité territoriale | région | bailleur de fonds |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 82 alinéa 1

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : une organisation internationale siégeant au Maroc est un acteur hors du Royaume
    Soit une convention du type "coopération" entre les parties suivantes :
      | id           | pays | type                        | niveau |
      | rsk          | MA   | collectivité territoriale   | région |
      | cglu-afrique | MA   | organisation internationale |        |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 82 alinéa 1

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : l'approbation des autorités publiques obtenue avant la signature satisfait l'exigence
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2024-05-15 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation des autorités publiques"
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "accomplie"

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : l'approbation des autorités publiques après la signature est tardive
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2024-06-10 | favorable |
    Quand la convention est vérifiée
    Alors "approbation des autorités publiques" intervient après la signature selon l'article 82 alinéa 1

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 1 de la loi organique 111-14 : une demande d'approbation des autorités publiques en attente n'en tient pas lieu
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                                | date       | résultat   |
      | approbation des autorités publiques | 2024-05-20 | en attente |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 82 alinéa 1
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "en attente"

  # ---- Article 82, alinéa 2 : aucune convention avec un État étranger -------------------------

  @art-82 @fires-MA-111-14-82-foreign-state @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 2 de la loi organique 111-14 : aucune convention ne peut être conclue entre une région et un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | france | FR   | État                      |        |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 82 alinéa 2
    Et le verdict est "non conforme"

  @art-82 @escapes-MA-111-14-82-foreign-state @escapes-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 2 de la loi organique 111-14 : l'État marocain n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | maroc | MA   | État                      |        |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 82 alinéa 2

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 2 de la loi organique 111-14 : une organisation internationale n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id   | pays | type                        | niveau |
      | rsk  | MA   | collectivité territoriale   | région |
      | pnud | US   | organisation internationale |        |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 82 alinéa 2

  @art-82 @fires-MA-111-14-82-public-authorities
  Scénario: Article 82 alinéa 2 de la loi organique 111-14 : une collectivité territoriale étrangère n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 82 alinéa 2

  # ---- Article 99 : délibération du conseil sur les projets de jumelage et de coopération décentralisée

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : un projet de jumelage avec une collectivité étrangère est soumis à la délibération du conseil
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : une convention de coopération décentralisée avec une collectivité nationale est aussi soumise à la délibération du conseil
    Soit une convention du type "coopération" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : une déclaration d'intention avec une collectivité étrangère est soumise à la délibération du conseil
    Soit une convention du type "déclaration d'intention" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : la délibération du conseil avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-30 | 2024-05-06 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et l'état de "délibération du conseil" dans le plan des approbations est "accomplie"

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : le conseil rejette le projet de convention
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | résultat |
      | délibération du conseil | 2024-04-30 | refus    |
    Quand la convention est vérifiée
    Alors un refus de "délibération du conseil" est constaté selon l'article 99

  @art-99 @escapes-MA-111-14-99-exchange-council @escapes-MA-111-14-99-organisations-council @escapes-MA-111-14-99-partnership-council @escapes-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : un jumelage avec un État étranger n'est pas un jumelage avec une collectivité territoriale
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | france | FR   | État                      |        |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 99 : adhésion et participation aux activités des organisations concernées par les affaires locales

  @art-99 @fires-MA-111-14-99-organisations-council
  Scénario: Article 99 de la loi organique 111-14 : l'adhésion à une organisation concernée par les affaires locales est soumise à la délibération du conseil
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | reseau-ma | MA   | réseau                    |        |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-organisations-council
  Scénario: Article 99 de la loi organique 111-14 : l'adhésion après délibération du conseil est conforme
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | reseau-ma | MA   | réseau                    |        |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-04 | 2024-03-06 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  # ---- Article 99 : conventions de coopération et de partenariat avec le secteur public et privé

  @art-99 @fires-MA-111-14-99-partnership-council
  Scénario: Article 99 de la loi organique 111-14 : une convention de partenariat avec un établissement public est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ormvag | MA   | établissement public      |        |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-partnership-council
  Scénario: Article 99 de la loi organique 111-14 : une convention de partenariat avec une entreprise privée après délibération du conseil est conforme
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id  | pays | type                      | niveau |
      | rsk | MA   | collectivité territoriale | région |
      | ocp | MA   | entreprise privée         |        |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-30 | 2024-05-02 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  @art-99 @fires-MA-111-14-99-partnership-council
  Scénario: Article 99 de la loi organique 111-14 : une convention de partenariat avec l'État (secteur public) est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | maroc | MA   | État                      |        |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : une convention de financement avec une collectivité étrangère est soumise à la délibération du conseil
    Soit une convention du type "financement" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @escapes-MA-111-14-99-exchange-council @escapes-MA-111-14-99-organisations-council @escapes-MA-111-14-99-partnership-council @escapes-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : un partenariat avec un État étranger n'est pas un partenariat avec le secteur public ou privé
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | france | FR   | État                      |        |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 99 : toute forme d'échange avec des collectivités territoriales étrangères -----

  @art-99 @fires-MA-111-14-99-exchange-council
  Scénario: Article 99 de la loi organique 111-14 : un échange avec une collectivité étrangère est soumis à la délibération du conseil
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | rsk       | MA   | collectivité territoriale | région  |
      | bamako-c3 | ML   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99

  @art-99 @escapes-MA-111-14-99-exchange-council @escapes-MA-111-14-99-organisations-council @escapes-MA-111-14-99-partnership-council @escapes-MA-111-14-99-twinning-council
  Scénario: Article 99 de la loi organique 111-14 : un échange avec une collectivité nationale n'est pas soumis à la délibération du conseil à ce titre
    Soit une convention du type "échange" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  @art-99 @fires-MA-111-14-99-exchange-council
  Scénario: Article 99 de la loi organique 111-14 : un échange avec une collectivité étrangère ne requiert pas l'approbation du gouverneur
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | rsk       | MA   | collectivité territoriale | région  |
      | bamako-c3 | ML   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du gouverneur"

  @art-99 @fires-MA-111-14-99-exchange-council
  Scénario: Article 99 de la loi organique 111-14 : un échange avec une collectivité étrangère ne requiert pas l'approbation du wali
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | rsk       | MA   | collectivité territoriale | région  |
      | bamako-c3 | ML   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  @art-99 @fires-MA-111-14-99-exchange-council
  Scénario: Article 99 de la loi organique 111-14 : un échange après délibération du conseil et approbation des autorités publiques est conforme
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | rsk       | MA   | collectivité territoriale | région  |
      | bamako-c3 | ML   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                                | date       | reçue le   | résultat  |
      | délibération du conseil             | 2024-04-30 | 2024-05-02 | favorable |
      | approbation des autorités publiques | 2024-05-15 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  # ---- Article 115 : visa de l'autorité gouvernementale chargée de l'Intérieur sur la délibération, dans les vingt jours

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : la délibération sur un jumelage avec une collectivité étrangère n'est exécutoire qu'après le visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 115

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : le visa revient à l'autorité gouvernementale chargée de l'Intérieur, la convention ne requiert pas l'approbation du gouverneur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 115
    Et la convention ne requiert pas "approbation du gouverneur"

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : la délibération sur un partenariat avec une ONG étrangère (acteur hors du Royaume) est soumise au visa
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ngo-fr | FR   | ONG                       |        |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 115

  @art-115 @escapes-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : la délibération sur un partenariat avec une ONG nationale n'est pas soumise au visa
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | amsed | MA   | ONG                       |        |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : la délibération sur l'adhésion à un réseau étranger est soumise au visa
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | reseau-es | ES   | réseau                    |        |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 115

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : le silence au-delà du délai de vingt jours vaut visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-30 | 2024-05-06 | favorable |
    Quand la convention est vérifiée
    Alors le silence vaut "visa" à compter du 2024-05-27
    Et il ne manque pas "visa"

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : signer avant l'expiration du délai de vingt jours est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-16 | 2024-05-20 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 115 et possible à partir du 2024-06-10
    Et l'état de "visa" dans le plan des approbations est "prématurée"

  @art-115 @fires-MA-111-14-115-visa
  Plan du scénario: Article 115 de la loi organique 111-14 : le jour de la réception ne compte pas, la délibération est exécutoire le lendemain du vingtième jour
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le    | résultat  |
      | délibération du conseil | 2024-05-06 | <réception> | favorable |
    Quand la convention est vérifiée
    Alors l'état de "visa" dans le plan des approbations est "<état>"

    Exemples:
      | réception  | état       |
      | 2024-05-11 | tacite     |
      | 2024-05-12 | prématurée |

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : sans date de réception de la délibération, le délai ne peut être compté
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2024-04-30 | favorable |
    Quand la convention est vérifiée
    Alors l'information "date de réception" manque selon l'article 115

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : le visa avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-16 | 2024-05-20 | favorable |
      | visa                    | 2024-05-28 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "accomplie"

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : un visa exprès après la signature n'efface pas le visa tacite acquis avant elle
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-30 | 2024-05-06 | favorable |
      | visa                    | 2024-06-10 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "tacite"

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : le visa de la délibération est refusé
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-30 | 2024-05-06 | favorable |
      | visa                    | 2024-05-15 |            | refus     |
    Quand la convention est vérifiée
    Alors un refus de "visa" est constaté selon l'article 115

  @art-115 @escapes-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : la délibération sur un jumelage avec une collectivité nationale n'est pas soumise à ce visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  @art-115 @escapes-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : un échange avec une collectivité étrangère n'est pas au nombre des délibérations soumises au visa
    Soit une convention du type "échange" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | rsk       | MA   | collectivité territoriale | région  |
      | bamako-c3 | ML   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  # ---- Article 162 : des conventions qui ne requièrent pas la création d'une personne morale --

  @art-162 @fires-MA-111-14-162-no-legal-person
  Scénario: Article 162 de la loi organique 111-14 : une convention de partenariat qui crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ormvag | MA   | établissement public      |        |
    Et la convention crée une personne morale
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 162

  @art-162 @fires-MA-111-14-162-no-legal-person
  Scénario: Article 162 de la loi organique 111-14 : une convention de partenariat avec une ONG étrangère qui crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ngo-fr | FR   | ONG                       |        |
    Et la convention crée une personne morale
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 162

  @art-162 @escapes-MA-111-14-162-no-legal-person
  Scénario: Article 162 de la loi organique 111-14 : une convention de partenariat qui ne crée pas de personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ormvag | MA   | établissement public      |        |
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 162

  @art-162 @fires-MA-111-14-162-no-legal-person
  Scénario: Article 162 de la loi organique 111-14 : la convention doit dire si elle crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | ormvag | MA   | établissement public      |        |
    Quand la convention est vérifiée
    Alors l'information "création d'une personne morale" manque selon l'article 162

  # ---- Article 163 : les ressources que chaque partie décide de mobiliser ---------------------

  @art-163 @fires-MA-111-14-163-resources
  Scénario: Article 163 de la loi organique 111-14 : une convention de coopération qui ne fixe pas les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | amsed | MA   | ONG                       |        |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" manque selon l'article 163

  @art-163 @escapes-MA-111-14-163-resources
  Scénario: Article 163 de la loi organique 111-14 : une convention de coopération qui fixe les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | amsed | MA   | ONG                       |        |
    Et la convention contient les clauses "objet, durée, ressources"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  @art-163 @fires-MA-111-14-163-resources
  Scénario: Article 163 de la loi organique 111-14 : les clauses de la convention doivent être données pour vérifier la clause des ressources
    Soit une convention du type "coopération" entre les parties suivantes :
      | id    | pays | type                      | niveau |
      | rsk   | MA   | collectivité territoriale | région |
      | amsed | MA   | ONG                       |        |
    Quand la convention est vérifiée
    Alors l'information "clauses" manque selon l'article 163

  @art-163 @escapes-MA-111-14-163-resources
  Scénario: Article 163 de la loi organique 111-14 : la clause des ressources n'est pas exigée à ce titre d'une convention de jumelage
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  # ---- Article 159 : aucune convention entre un groupement de collectivités et un État étranger

  @art-159 @fires-MA-111-14-159-grouping-foreign-state
  Scénario: Article 159 de la loi organique 111-14 : aucune convention ne peut être conclue entre un groupement de régions et un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id            | pays | type                          | niveau |
      | groupement-rg | MA   | groupement de collectivités   | région |
      | france        | FR   | État                          |        |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 159
    Et le verdict est "non conforme"

  @art-159 @escapes-MA-111-14-159-grouping-foreign-state
  Scénario: Article 159 de la loi organique 111-14 : une convention d'un groupement de régions avec une collectivité étrangère n'est pas interdite
    Soit une convention du type "coopération" entre les parties suivantes :
      | id            | pays | type                          | niveau |
      | groupement-rg | MA   | groupement de collectivités   | région |
      | occitanie     | FR   | collectivité territoriale     | région |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 159

  @art-159 @escapes-MA-111-14-159-grouping-foreign-state
  Scénario: Article 159 de la loi organique 111-14 : la région elle-même avec un État étranger relève de l'article 82, non de l'article 159
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau |
      | rsk    | MA   | collectivité territoriale | région |
      | france | FR   | État                      |        |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 159
    Et la convention est interdite selon l'article 82 alinéa 2

  # ---- Champ de la loi organique 111-14 : les régions seulement ------------------------------

  @scope
  Scénario: Champ de la loi organique 111-14 : une commune relève d'une autre loi organique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id       | pays | type                      | niveau  |
      | belfaa   | MA   | collectivité territoriale | commune |
      | geetbets | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la collectivité contrôlée n'entre pas dans le champ de ce texte

  @scope
  Scénario: Champ de la loi organique 111-14 : une préfecture relève d'une autre loi organique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la collectivité contrôlée n'entre pas dans le champ de ce texte

  @art-115 @fires-MA-111-14-115-visa
  Scénario: Article 115 de la loi organique 111-14 : le visa de la délibération sur un jumelage relève du ministre de l'Intérieur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id | pays | type | niveau |
      | region-ma | MA | collectivité territoriale | région |
      | region-fr | FR | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 115
    Et "visa" relève de "le ministre de l'Intérieur"

  # ---- Délais en jours ouvrables (transmission au contrôle, délai d'opposition) ----------

  @art-113 @fires-MA-111-14-113-transmission
  Scénario: Article 113 de la loi organique 111-14 : les copies de la délibération parvenues au wali de la région après dix jours ouvrables suivant la clôture de la session sont hors délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-01 | 2024-03-18 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par l'article 113
    Et le délai fixé par l'article 113 court jusqu'au 2024-03-15
    Et le verdict est "non conforme"

  @art-113 @escapes-MA-111-14-113-transmission
  Scénario: Article 113 de la loi organique 111-14 : les copies de la délibération parvenues au wali de la région le dernier jour ouvrable du délai sont dans le délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-01 | 2024-03-15 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 113 court jusqu'au 2024-03-15
    Et cette date n'est pas estimée
    Et le verdict est "conforme"

  @art-114 @fires-MA-111-14-114-objection-period
  Scénario: Article 114 de la loi organique 111-14 : signer pendant le délai d'opposition de trois jours ouvrables est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-27 | 2024-05-29 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 114 et possible à partir du 2024-06-04
    Et le verdict est "non conforme"

  @art-114 @escapes-MA-111-14-114-objection-period
  Scénario: Article 114 de la loi organique 111-14 : la délibération est exécutoire une fois le délai d'opposition expiré sans opposition
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id   | pays | type                      | niveau  |
      | rsk  | MA   | collectivité territoriale | région  |
      | sale | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-22 | 2024-05-27 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 114 court jusqu'au 2024-05-30
    Et le verdict est "conforme"
