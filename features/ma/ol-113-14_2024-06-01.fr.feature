# language: fr
@french @MA-OL-113-14
Fonctionnalité: La coopération internationale décentralisée des communes dans la loi organique 113-14
  Les conventions qu'une commune conclut avec des acteurs hors du Royaume ou avec des
  collectivités territoriales nationales, telles que les lit la loi organique n° 113-14 relative
  aux communes à la date de signature prévue.
  La première partie du tableau des parties est la commune contrôlée.

  Contexte:
    Étant donné que l'on lit la loi organique 113-14 à la date du 2024-06-01

  # ---- Article 86, alinéa 1 : approbation des autorités publiques ----------------------------

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : une convention avec un acteur hors du Royaume requiert l'approbation des autorités publiques
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 86 alinéa 1
    Et le verdict est "non conforme"

  @art-86 @escapes-MA-113-14-86-foreign-state @escapes-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : une convention avec une collectivité nationale ne requiert pas l'approbation des autorités publiques
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation des autorités publiques"

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : une organisation internationale siégeant au Maroc est un acteur hors du Royaume
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                        | niveau  |
      | belfaa       | MA   | collectivité territoriale   | commune |
      | cglu-afrique | MA   | organisation internationale |         |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 86 alinéa 1

  @art-86 @escapes-MA-113-14-86-foreign-state @escapes-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : l'adhésion à un réseau marocain ne requiert pas l'approbation des autorités publiques
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                      | niveau  |
      | belfaa       | MA   | collectivité territoriale | commune |
      | reseau-maroc | MA   | réseau                    |         |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation des autorités publiques"

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : l'approbation des autorités publiques avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2024-05-20 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation des autorités publiques"
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "accomplie"

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : l'approbation des autorités publiques après la signature est tardive
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                                | date       | résultat  |
      | approbation des autorités publiques | 2024-06-10 | favorable |
    Quand la convention est vérifiée
    Alors "approbation des autorités publiques" intervient après la signature selon l'article 86 alinéa 1

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 1 de la loi organique 113-14 : une demande d'approbation en attente n'en tient pas lieu
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                                | date       | résultat   |
      | approbation des autorités publiques | 2024-05-02 | en attente |
    Quand la convention est vérifiée
    Alors il manque "approbation des autorités publiques" selon l'article 86 alinéa 1
    Et l'état de "approbation des autorités publiques" dans le plan des approbations est "en attente"

  # ---- Article 86, alinéa 2 : aucune convention avec un État étranger --------------------------

  @art-86 @fires-MA-113-14-86-foreign-state @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 2 de la loi organique 113-14 : aucune convention ne peut être conclue entre une commune et un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | espagne | ES   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 86 alinéa 2
    Et le verdict est "non conforme"

  @art-86 @escapes-MA-113-14-86-foreign-state @escapes-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 2 de la loi organique 113-14 : l'État marocain n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | maroc  | MA   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 86 alinéa 2

  @art-86 @fires-MA-113-14-86-public-authorities
  Scénario: Article 86 alinéa 2 de la loi organique 113-14 : une organisation internationale n'est pas un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                        | niveau  |
      | belfaa | MA   | collectivité territoriale   | commune |
      | pnud   | US   | organisation internationale |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 86 alinéa 2

  # ---- Article 92 : délibération du conseil sur les projets de jumelage et de coopération décentralisée

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : le protocole de coopération entre la commune de Belfaa et la commune belge de Jette est soumis à la délibération du conseil
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | nom               | pays | type                      | niveau  |
      | belfaa | Commune de Belfaa | MA   | collectivité territoriale | commune |
      | jette  | Commune de Jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92
    Et le verdict est "non conforme"

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un projet de jumelage avec une collectivité nationale est lui aussi soumis à la délibération du conseil
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : une convention de financement avec un groupement de collectivités étranger est soumise à la délibération du conseil
    Soit une convention du type "financement" entre les parties suivantes :
      | id           | pays | type                        | niveau  |
      | belfaa       | MA   | collectivité territoriale   | commune |
      | agglo-mantes | FR   | groupement de collectivités |         |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : la délibération du conseil avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-26 | 2024-05-02 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et l'état de "délibération du conseil" dans le plan des approbations est "accomplie"

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : le conseil rejette le projet de convention
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat |
      | délibération du conseil | 2024-03-05 | refus    |
    Quand la convention est vérifiée
    Alors un refus de "délibération du conseil" est constaté selon l'article 92

  @art-92 @escapes-MA-113-14-92-exchange-council @escapes-MA-113-14-92-exchange-wali @escapes-MA-113-14-92-organisations-council @escapes-MA-113-14-92-partnership-council @escapes-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un jumelage avec un État étranger n'est pas un jumelage avec une collectivité territoriale
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | espagne | ES   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 92 : adhésion ou participation aux activités des organisations concernées par les affaires locales

  @art-92 @fires-MA-113-14-92-organisations-council
  Scénario: Article 92 de la loi organique 113-14 : l'adhésion à une organisation concernée par les affaires locales est soumise à la délibération du conseil
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                      | niveau  |
      | belfaa       | MA   | collectivité territoriale | commune |
      | reseau-maroc | MA   | réseau                    |         |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @fires-MA-113-14-92-organisations-council
  Scénario: Article 92 de la loi organique 113-14 : l'adhésion après délibération du conseil est conforme
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                      | niveau  |
      | belfaa       | MA   | collectivité territoriale | commune |
      | reseau-maroc | MA   | réseau                    |         |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-05 | 2024-03-07 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  # ---- Article 92 : conventions de coopération et de partenariat avec le secteur public ou privé

  @art-92 @fires-MA-113-14-92-partnership-council
  Scénario: Article 92 de la loi organique 113-14 : une convention de partenariat avec un établissement public est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | onee   | MA   | établissement public      |         |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @fires-MA-113-14-92-partnership-council
  Scénario: Article 92 de la loi organique 113-14 : une convention de partenariat avec l'État (secteur public) est soumise à la délibération du conseil
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | maroc  | MA   | État                      |         |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @fires-MA-113-14-92-partnership-council
  Scénario: Article 92 de la loi organique 113-14 : une convention de partenariat avec une entreprise privée après délibération du conseil est conforme
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | ocp    | MA   | entreprise privée         |         |
    Et la convention contient les clauses "objet, durée, ressources"
    Et la convention ne crée pas de personne morale
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-05 | 2024-03-07 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  @art-92 @escapes-MA-113-14-92-exchange-council @escapes-MA-113-14-92-exchange-wali @escapes-MA-113-14-92-organisations-council @escapes-MA-113-14-92-partnership-council @escapes-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un État étranger n'est pas le secteur public ou privé au sens de cet article
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | espagne | ES   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 92 : toute forme d'échange avec des collectivités territoriales étrangères -------

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : un échange avec une collectivité étrangère est soumis à la délibération du conseil
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92

  @art-92 @escapes-MA-113-14-92-exchange-council @escapes-MA-113-14-92-exchange-wali @escapes-MA-113-14-92-organisations-council @escapes-MA-113-14-92-partnership-council @escapes-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un échange avec une collectivité nationale n'est pas soumis à ce titre à la délibération du conseil
    Soit une convention du type "échange" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Article 92 : approbation du wali de la région sur l'échange, avant la délibération du conseil

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : un échange avec une collectivité étrangère requiert l'approbation du wali de la région
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon l'article 92
    Et l'état de "approbation du wali" dans le plan des approbations est "manquante"

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : l'approbation du gouverneur ne tient pas lieu de celle du wali de la région pour un échange
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                      | date       | résultat  |
      | approbation du gouverneur | 2024-04-01 | favorable |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon l'article 92

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : l'approbation du wali de la région puis la délibération du conseil avant la signature satisfont l'exigence
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | approbation du wali     | 2024-04-01 | favorable |
      | délibération du conseil | 2024-04-20 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation du wali"
    Et l'état de "approbation du wali" dans le plan des approbations est "accomplie"

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : une délibération du conseil antérieure à l'approbation du wali ne respecte pas l'ordre du texte
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2024-04-01 | favorable |
      | approbation du wali     | 2024-04-20 | favorable |
    Quand la convention est vérifiée
    Alors l'état de "approbation du wali" dans le plan des approbations est "postérieure à la délibération"
    Et le verdict est "non conforme"

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : l'approbation du wali de la région après la signature est tardive
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                | date       | résultat  |
      | approbation du wali | 2024-06-10 | favorable |
    Quand la convention est vérifiée
    Alors "approbation du wali" intervient après la signature selon l'article 92

  @art-92 @fires-MA-113-14-92-exchange-council @fires-MA-113-14-92-exchange-wali
  Scénario: Article 92 de la loi organique 113-14 : le wali de la région refuse son approbation à l'échange
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                | date       | résultat |
      | approbation du wali | 2024-04-01 | refus    |
    Quand la convention est vérifiée
    Alors un refus de "approbation du wali" est constaté selon l'article 92

  @art-92 @escapes-MA-113-14-92-exchange-council @escapes-MA-113-14-92-exchange-wali @escapes-MA-113-14-92-organisations-council @escapes-MA-113-14-92-partnership-council @escapes-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un échange avec une collectivité nationale ne requiert pas l'approbation du wali
    Soit une convention du type "échange" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 92 de la loi organique 113-14 : un jumelage avec une collectivité étrangère ne requiert pas l'approbation du wali mais le visa du gouverneur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  # ---- Article 118 : visa du gouverneur sur la délibération, dans les vingt jours -------------

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : la délibération sur le protocole Belfaa-Jette n'est exécutoire qu'après le visa du gouverneur
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | nom               | pays | type                      | niveau  |
      | belfaa | Commune de Belfaa | MA   | collectivité territoriale | commune |
      | jette  | Commune de Jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 118

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : la délibération sur un financement avec un groupement de collectivités étranger est soumise au visa
    Soit une convention du type "financement" entre les parties suivantes :
      | id           | pays | type                        | niveau  |
      | belfaa       | MA   | collectivité territoriale   | commune |
      | agglo-mantes | FR   | groupement de collectivités |         |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 118

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : le silence au-delà du délai de vingt jours vaut visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-26 | 2024-05-02 | favorable |
    Quand la convention est vérifiée
    Alors le silence vaut "visa" à compter du 2024-05-23
    Et il ne manque pas "visa"

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : signer avant l'expiration du délai de vingt jours est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-15 | 2024-05-20 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 118 et possible à partir du 2024-06-10
    Et l'état de "visa" dans le plan des approbations est "prématurée"

  @art-118 @fires-MA-113-14-118-visa
  Plan du scénario: Article 118 de la loi organique 113-14 : le jour de la réception ne compte pas, la délibération est exécutoire le lendemain du vingtième jour
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le    | résultat  |
      | délibération du conseil | 2024-05-06 | <réception> | favorable |
    Quand la convention est vérifiée
    Alors l'état de "visa" dans le plan des approbations est "<état>"

    Exemples:
      | réception  | état       |
      | 2024-05-11 | tacite     |
      | 2024-05-12 | prématurée |

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : sans date de réception de la délibération, le délai ne peut être compté
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2024-05-06 | favorable |
    Quand la convention est vérifiée
    Alors l'information "date de réception" manque selon l'article 118

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : le visa du gouverneur avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-15 | 2024-05-20 | favorable |
      | visa                    | 2024-05-28 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "accomplie"

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : un visa exprès après la signature n'efface pas le visa tacite acquis avant elle
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-26 | 2024-05-02 | favorable |
      | visa                    | 2024-06-10 |            | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "visa"
    Et l'état de "visa" dans le plan des approbations est "tacite"

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : le gouverneur refuse son visa à la délibération
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-04-26 | 2024-05-02 | favorable |
      | visa                    | 2024-05-10 |            | refus     |
    Quand la convention est vérifiée
    Alors un refus de "visa" est constaté selon l'article 118

  @art-118 @escapes-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : la délibération sur un jumelage avec une collectivité nationale n'est pas soumise à ce visa
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  @art-118 @escapes-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : la délibération sur un partenariat avec une ONG étrangère n'est pas soumise à ce visa
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id            | pays | type                      | niveau  |
      | belfaa        | MA   | collectivité territoriale | commune |
      | ong-bruxelles | BE   | ONG                       |         |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  @art-118 @escapes-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : un échange avec une collectivité étrangère relève de l'approbation du wali, non du visa
    Soit une convention du type "échange" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "visa"

  # ---- Article 146 : aucune convention entre un groupement de collectivités et un État étranger

  @art-146 @fires-MA-113-14-146-grouping-foreign-state
  Scénario: Article 146 de la loi organique 113-14 : aucune convention ne peut être conclue entre un groupement de communes et un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id                 | pays | type                        | niveau  |
      | groupement-chtouka | MA   | groupement de collectivités | commune |
      | espagne            | ES   | État                        |         |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 146
    Et le verdict est "non conforme"

  @art-146 @escapes-MA-113-14-146-grouping-foreign-state
  Scénario: Article 146 de la loi organique 113-14 : la convention d'un groupement de communes avec une collectivité étrangère n'est pas interdite par cet article
    Soit une convention du type "coopération" entre les parties suivantes :
      | id                 | pays | type                        | niveau  |
      | groupement-chtouka | MA   | groupement de collectivités | commune |
      | jette              | BE   | collectivité territoriale   | commune |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 146

  @art-146 @escapes-MA-113-14-146-grouping-foreign-state
  Scénario: Article 146 de la loi organique 113-14 : la convention de la commune elle-même avec un État étranger relève de l'article 86, non de cet article
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | espagne | ES   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 146

  # ---- Article 149 : des conventions qui ne requièrent pas la création d'une personne morale --

  @art-149 @fires-MA-113-14-149-no-legal-person
  Scénario: Article 149 de la loi organique 113-14 : une convention de partenariat qui crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | onee   | MA   | établissement public      |         |
    Et la convention crée une personne morale
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 149

  @art-149 @fires-MA-113-14-149-no-legal-person
  Scénario: Article 149 de la loi organique 113-14 : une convention de partenariat avec une ONG étrangère qui crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id            | pays | type                      | niveau  |
      | belfaa        | MA   | collectivité territoriale | commune |
      | ong-bruxelles | BE   | ONG                       |         |
    Et la convention crée une personne morale
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 149

  @art-149 @escapes-MA-113-14-149-no-legal-person
  Scénario: Article 149 de la loi organique 113-14 : une convention de partenariat qui ne crée pas de personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | onee   | MA   | établissement public      |         |
    Et la convention ne crée pas de personne morale
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 149

  @art-149 @fires-MA-113-14-149-no-legal-person
  Scénario: Article 149 de la loi organique 113-14 : la convention doit dire si elle crée une personne morale
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | onee   | MA   | établissement public      |         |
    Quand la convention est vérifiée
    Alors l'information "création d'une personne morale" manque selon l'article 149

  # ---- Article 150 : les ressources que chaque partie décide de mobiliser ---------------------

  @art-150 @fires-MA-113-14-150-resources
  Scénario: Article 150 de la loi organique 113-14 : une convention de coopération entre deux communes qui ne fixe pas les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" manque selon l'article 150

  @art-150 @escapes-MA-113-14-150-resources
  Scénario: Article 150 de la loi organique 113-14 : une convention de coopération entre deux communes qui fixe les ressources de chaque partie
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Et la convention contient les clauses "objet, durée, ressources"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  @art-150 @fires-MA-113-14-150-resources
  Scénario: Article 150 de la loi organique 113-14 : les clauses de la convention doivent être données pour vérifier la clause des ressources
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | belfaa  | MA   | collectivité territoriale | commune |
      | biougra | MA   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors l'information "clauses" manque selon l'article 150

  @art-150 @escapes-MA-113-14-150-resources
  Scénario: Article 150 de la loi organique 113-14 : la clause des ressources n'est pas exigée à ce titre d'une convention de jumelage
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "ressources" ne manque pas

  # ---- Champ de la loi organique 113-14 : les communes seulement ------------------------------

  @scope
  Scénario: Champ de la loi organique 113-14 : une préfecture relève d'une autre loi organique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id       | pays | type                      | niveau     |
      | inezgane | MA   | collectivité territoriale | préfecture |
      | jette    | BE   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la collectivité contrôlée n'entre pas dans le champ de ce texte

  @art-118 @fires-MA-113-14-118-visa
  Scénario: Article 118 de la loi organique 113-14 : le visa de la délibération sur un jumelage relève du gouverneur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id | pays | type | niveau |
      | belfaa | MA | collectivité territoriale | commune |
      | jette | BE | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "visa" selon l'article 118
    Et "visa" relève de "le gouverneur"

  # ---- Délais en jours ouvrables (transmission au contrôle, délai d'opposition) ----------

  @art-116 @fires-MA-113-14-116-transmission
  Scénario: Article 116 de la loi organique 113-14 : les copies de la délibération parvenues au gouverneur après quinze jours ouvrables suivant la clôture de la session sont hors délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | tanger | MA   | collectivité territoriale | commune |
      | sale   | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-01 | 2024-03-25 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par l'article 116
    Et le délai fixé par l'article 116 court jusqu'au 2024-03-22
    Et le verdict est "non conforme"

  @art-116 @escapes-MA-113-14-116-transmission
  Scénario: Article 116 de la loi organique 113-14 : les copies de la délibération parvenues au gouverneur le dernier jour ouvrable du délai sont dans le délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | tanger | MA   | collectivité territoriale | commune |
      | sale   | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-03-01 | 2024-03-22 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 116 court jusqu'au 2024-03-22
    Et cette date n'est pas estimée
    Et le verdict est "conforme"

  @art-117 @fires-MA-113-14-117-objection-period
  Scénario: Article 117 de la loi organique 113-14 : signer pendant le délai d'opposition de trois jours ouvrables est prématuré
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | tanger | MA   | collectivité territoriale | commune |
      | sale   | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-27 | 2024-05-29 | favorable |
    Quand la convention est vérifiée
    Alors la signature est prématurée selon l'article 117 et possible à partir du 2024-06-04
    Et le verdict est "non conforme"

  @art-117 @escapes-MA-113-14-117-objection-period
  Scénario: Article 117 de la loi organique 113-14 : la délibération est exécutoire une fois le délai d'opposition expiré sans opposition
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | tanger | MA   | collectivité territoriale | commune |
      | sale   | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2024-05-22 | 2024-05-27 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 117 court jusqu'au 2024-05-30
    Et le verdict est "conforme"
