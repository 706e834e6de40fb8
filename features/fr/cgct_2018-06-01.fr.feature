# language: fr
@french @FR-CGCT @unverified
Fonctionnalité: Action extérieure d'une commune française : convention avec une commune algérienne (CGCT, articles L1115-1 et L1115-5)
  Le droit de la partie française. Rédaction de l'article L1115-1 issue de la loi n° 2014-773 (en vigueur du 9 juillet 2014 au 5 août 2021), non lue :
  les phrases appliquées sont identiques avant et après elle (non vérifié) ; article L1115-5 issu de la loi n° 2016-1657.
  La délibération du conseil repose sur la pratique (AMF, ATD31) : fondement non vérifié.
  La transmission au préfet conditionne l'entrée en vigueur, non la signature : transmise le jour de la signature, la
  convention est en vigueur ; transmise plus tard, elle ne l'est qu'à compter de cette date (le rapport la dit tardive).

  Contexte:
    Étant donné que l'on lit le code général des collectivités territoriales à la date du 2018-06-01

  @art-L1115-1 @fires-FR-CGCT-L1115-1-clauses-2014
  Scénario: Article L1115-1 : la convention de jumelage avec une commune algérienne doit préciser le montant prévisionnel des engagements financiers
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2018-04-02 | favorable |
      | transmission au préfet  | 2018-06-01 | favorable |
    Et la convention contient les clauses "objet, durée"
    Quand la convention est vérifiée
    Alors la clause "engagements financiers" manque selon l'article L1115-1
    Et la clause "objet" ne manque pas
    Et le verdict est "non conforme"

  @art-L1115-1 @art-unidentified @fires-FR-CGCT-L1115-1-transmission-2014 @fires-FR-CGCT-council-deliberation
  Scénario: Article L1115-1 : la convention qui précise son objet et ses engagements financiers, transmise au préfet le jour de sa signature, est en vigueur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2018-04-02 | favorable |
      | transmission au préfet  | 2018-06-01 | favorable |
    Et la convention contient les clauses "objet, engagements financiers, durée"
    Quand la convention est vérifiée
    Alors la clause "engagements financiers" ne manque pas
    Et il ne manque pas "transmission au préfet"
    Et l'état de "transmission au préfet" dans le plan des approbations est "accomplie"
    Et le verdict est "conforme"

  @art-L1115-1 @fires-FR-CGCT-L1115-1-transmission-2014
  Scénario: Article L1115-1 : la convention n'entre en vigueur que par sa transmission au préfet
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2018-04-02 | favorable |
    Et la convention contient les clauses "objet, engagements financiers, durée"
    Quand la convention est vérifiée
    Alors il manque "transmission au préfet" selon l'article L1115-1
    Et "transmission au préfet" relève de "le préfet"

  @art-L1115-1 @fires-FR-CGCT-L1115-1-transmission-2014
  Scénario: Article L1115-1 : transmise dix jours après la signature, la convention n'entre en vigueur qu'à cette date (signalé comme tardif)
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2018-04-02 | favorable |
      | transmission au préfet  | 2018-06-11 | favorable |
    Et la convention contient les clauses "objet, engagements financiers, durée"
    Quand la convention est vérifiée
    Alors "transmission au préfet" intervient après la signature selon l'article L1115-1

  @art-unidentified @fires-FR-CGCT-council-deliberation
  Scénario: Code général des collectivités territoriales (pratique, article non identifié) : la signature est autorisée par une délibération du conseil municipal
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                   | date       | résultat  |
      | transmission au préfet | 2018-06-01 | favorable |
    Et la convention contient les clauses "objet, engagements financiers, durée"
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon le code général des collectivités territoriales
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-L1115-1 @art-unidentified @escapes-FR-CGCT-L1115-1-clauses-2014 @escapes-FR-CGCT-L1115-1-transmission-2014 @escapes-FR-CGCT-council-deliberation
  Scénario: Article L1115-1 : une déclaration d'intention n'est pas une convention engageant la commune ; l'article ne s'y applique pas
    Soit une convention du type "déclaration d'intention" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "transmission au préfet"
    Et la convention ne requiert pas "délibération du conseil"
    Et la clause "engagements financiers" ne manque pas

  @art-L1115-1 @art-unidentified @art-L1115-5 @escapes-FR-CGCT-L1115-1-clauses-2014 @escapes-FR-CGCT-L1115-1-transmission-2014 @escapes-FR-CGCT-council-deliberation @escapes-FR-CGCT-L1115-5-foreign-state-2016
  Scénario: Article L1115-1 : une coopération entre deux communes françaises n'est pas une convention avec une autorité locale étrangère
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | sete        | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "transmission au préfet"
    Et la convention n'est pas interdite selon l'article L1115-5
    Et le verdict est "incomplet"

  @art-L1115-5 @fires-FR-CGCT-L1115-5-foreign-state-2016
  Scénario: Article L1115-5 : une commune ne conclut pas de convention avec un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | algerie     | DZ   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article L1115-5
    Et le verdict est "non conforme"

  @art-L1115-5 @escapes-FR-CGCT-L1115-5-foreign-state-2016
  Scénario: Article L1115-5 : le jumelage avec une commune algérienne (une autorité locale, non l'État) n'est pas interdit
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | montpellier | FR   | collectivité territoriale | commune |
      | tlemcen     | DZ   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article L1115-5
