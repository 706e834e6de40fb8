# language: fr
@french @DZ-D-17-329 @unverified
Fonctionnalité: Coopération décentralisée entre collectivités territoriales algériennes et étrangères (décret exécutif 17-329)
  Décret exécutif n° 17-329 du 15 novembre 2017. Son texte au Journal officiel n'a pas été lu : chaque
  règle vient du résumé du ministère de l'Intérieur ou d'études ; elle n'est pas vérifiée et son article
  n'est pas identifié. La première partie du tableau est la commune ou la wilaya dont la situation est
  vérifiée.

  Contexte:
    Étant donné que l'on lit le décret exécutif 17-329 à la date du 2018-06-01

  # ---- Définition : la coopération décentralisée lie des collectivités algériennes et étrangères

  @art-unidentified @fires-DZ-17-329-partner-not-collectivity
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : pas de coopération décentralisée avec un signataire qui n'est pas une collectivité territoriale
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | tlemcen | DZ   | collectivité territoriale | commune |
      | ong-eau | FR   | ONG                       |         |
    Quand la convention est vérifiée
    Alors la convention est interdite selon le décret exécutif 17-329
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @fires-DZ-17-329-assembly-deliberation @fires-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : une ONG qui finance sans signer n'empêche pas la convention avec une collectivité étrangère
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  | rôle              |
      | tlemcen     | DZ   | collectivité territoriale | commune | signataire        |
      | montpellier | FR   | collectivité territoriale | commune | signataire        |
      | ong-eau     | FR   | ONG                       |         | bailleur de fonds |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon le décret exécutif 17-329

  @art-unidentified @escapes-DZ-17-329-assembly-deliberation @escapes-DZ-17-329-foreign-state @escapes-DZ-17-329-partner-not-collectivity @escapes-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : un partenariat avec un établissement public algérien sort du champ du décret et n'est pas interdit par lui
    Soit une convention du type "partenariat" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | tlemcen | DZ   | collectivité territoriale | commune |
      | ade     | DZ   | établissement public      |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon le décret exécutif 17-329

  @art-unidentified @fires-DZ-17-329-foreign-state
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : pas de coopération décentralisée avec un État étranger
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | tlemcen | DZ   | collectivité territoriale | commune |
      | france  | FR   | État                      |         |
    Quand la convention est vérifiée
    Alors la convention est interdite selon le décret exécutif 17-329

  @art-unidentified @fires-DZ-17-329-assembly-deliberation @fires-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : un jumelage avec une collectivité territoriale étrangère n'est pas interdit
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon le décret exécutif 17-329

  # ---- Procédure : délibération de l'assemblée populaire --------------------------------------

  @art-unidentified @fires-DZ-17-329-assembly-deliberation @fires-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (procédure, article non identifié) : un jumelage avec une collectivité étrangère est soumis à la délibération de l'assemblée populaire
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon le décret exécutif 17-329
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @escapes-DZ-17-329-assembly-deliberation @escapes-DZ-17-329-foreign-state @escapes-DZ-17-329-partner-not-collectivity @escapes-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (procédure, article non identifié) : un jumelage avec une commune algérienne n'est pas une coopération décentralisée internationale
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | tlemcen | DZ   | collectivité territoriale | commune |
      | oran-c  | DZ   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "délibération du conseil"

  # ---- Procédure : approbation préalable (ministre de l'Intérieur ; autre lecture : Premier ministre)

  @art-unidentified @fires-DZ-17-329-assembly-deliberation @fires-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (procédure, article non identifié) : un jumelage avec une collectivité étrangère requiert l'approbation préalable du ministre de l'Intérieur
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "approbation du ministre de l'Intérieur" selon le décret exécutif 17-329
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @fires-DZ-17-329-assembly-deliberation @fires-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (procédure, article non identifié) : l'approbation préalable du ministre de l'Intérieur avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                                   | date       | résultat  |
      | approbation du ministre de l'Intérieur | 2018-05-02 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation du ministre de l'Intérieur"
    Et l'état de "approbation du ministre de l'Intérieur" dans le plan des approbations est "accomplie"

  @art-unidentified @escapes-DZ-17-329-assembly-deliberation @escapes-DZ-17-329-foreign-state @escapes-DZ-17-329-partner-not-collectivity @escapes-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (procédure, article non identifié) : une coopération avec une commune algérienne ne requiert pas l'approbation préalable du ministre de l'Intérieur
    Soit une convention du type "coopération" entre les parties suivantes :
      | id      | pays | type                      | niveau  |
      | tlemcen | DZ   | collectivité territoriale | commune |
      | oran-c  | DZ   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du ministre de l'Intérieur"

  # ---- Adhésion à un réseau de villes : hors de la définition du décret (lecture ; le document 002 la traite à part)

  @art-unidentified @escapes-DZ-17-329-assembly-deliberation @escapes-DZ-17-329-foreign-state @escapes-DZ-17-329-partner-not-collectivity @escapes-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : l'adhésion d'une commune à un réseau de villes étranger n'est pas interdite par le décret et se vérifie à la main
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id        | pays | type                      | niveau  |
      | annaba    | DZ   | collectivité territoriale | commune |
      | medcities | ES   | réseau                    |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon le décret exécutif 17-329
    Et le verdict est "incomplet"

  @art-unidentified @escapes-DZ-17-329-assembly-deliberation @escapes-DZ-17-329-foreign-state @escapes-DZ-17-329-partner-not-collectivity @escapes-DZ-17-329-prior-approval
  Scénario: Décret exécutif 17-329 (définition, article non identifié) : l'adhésion d'une commune à une organisation internationale de villes n'est pas interdite par le décret et se vérifie à la main
    Soit une convention du type "adhésion à un réseau" entre les parties suivantes :
      | id           | pays | type                        | niveau  |
      | alger-centre | DZ   | collectivité territoriale   | commune |
      | oicc         | SA   | organisation internationale |         |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon le décret exécutif 17-329
    Et le verdict est "incomplet"
