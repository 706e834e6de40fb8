# language: fr
@french @DZ-L-12-07 @unverified
Fonctionnalité: Approbation de la délibération de wilaya sur un jumelage (loi 12-07 relative à la wilaya)
  Loi n° 12-07 du 21 février 2012 relative à la wilaya. Article non identifié, texte non lu, autorité
  discutée : la lecture retenue est l'approbation du wali (autre lecture : le ministre de l'Intérieur), pour les
  conventions de jumelage comme pour les dons et legs provenant de l'étranger.

  Contexte:
    Étant donné que l'on lit la loi 12-07 à la date du 2018-06-01

  @art-unidentified @fires-DZ-12-07-twinning-approval
  Scénario: Loi 12-07 (article non identifié) : la délibération de la wilaya sur un jumelage avec une collectivité étrangère requiert une approbation
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | oran      | DZ   | collectivité territoriale | wilaya |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon la loi 12-07
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @escapes-DZ-12-07-twinning-approval @escapes-DZ-12-07-foreign-gift-approval
  Scénario: Loi 12-07 (article non identifié) : une convention de coopération qui n'est pas un jumelage ne requiert pas cette approbation
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | oran      | DZ   | collectivité territoriale | wilaya |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  # ---- Dons et legs provenant de l'étranger : le financement apporté par une partie étrangère (lecture)

  @art-unidentified @fires-DZ-12-07-foreign-gift-approval @escapes-DZ-12-07-twinning-approval
  Scénario: Loi 12-07 (article non identifié) : la délibération de la wilaya acceptant le financement d'un bailleur étranger requiert une approbation
    Soit une convention du type "coopération" entre les parties suivantes :
      | id        | pays | type                      | niveau | rôle              |
      | oran      | DZ   | collectivité territoriale | wilaya | signataire        |
      | occitanie | FR   | collectivité territoriale | région | signataire        |
      | fonds-fr  | FR   | établissement public      |        | bailleur de fonds |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon la loi 12-07
    Et le rapport signale que le fondement juridique n'est pas vérifié
