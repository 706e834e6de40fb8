# language: fr
@french @DZ-L-11-10 @unverified
Fonctionnalité: Approbation par le wali de la délibération communale de jumelage (loi 11-10 relative à la commune)
  Loi n° 11-10 du 22 juin 2011 relative à la commune. Article non identifié (probablement l'article 57),
  texte non lu : la lecture retenue est que la délibération de l'APC sur une convention de jumelage, comme
  celle qui accepte des dons et legs étrangers, n'est exécutoire qu'après approbation du wali.

  Contexte:
    Étant donné que l'on lit la loi 11-10 à la date du 2018-06-01

  @art-unidentified @fires-DZ-11-10-wali-twinning
  Scénario: Loi 11-10 (article non identifié) : la délibération communale sur un jumelage avec une collectivité étrangère requiert l'approbation du wali
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon la loi 11-10
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @escapes-DZ-11-10-wali-twinning @escapes-DZ-11-10-wali-foreign-gift
  Scénario: Loi 11-10 (article non identifié) : une convention de coopération qui n'est pas un jumelage ne requiert pas à ce titre l'approbation du wali
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  @art-unidentified @fires-DZ-11-10-wali-twinning
  Scénario: Loi 11-10 (article non identifié) : l'approbation du wali avant la signature satisfait l'exigence
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                | date       | résultat  |
      | approbation du wali | 2018-05-15 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "approbation du wali"
    Et l'état de "approbation du wali" dans le plan des approbations est "accomplie"

  # ---- Acceptation de dons et legs étrangers : le financement apporté par une partie étrangère (lecture)

  @art-unidentified @fires-DZ-11-10-wali-foreign-gift @escapes-DZ-11-10-wali-twinning
  Scénario: Loi 11-10 (article non identifié) : la délibération communale acceptant le financement d'un bailleur étranger requiert l'approbation du wali
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  | rôle              |
      | tlemcen     | DZ   | collectivité territoriale | commune | signataire        |
      | montpellier | FR   | collectivité territoriale | commune | signataire        |
      | fonds-fr    | FR   | établissement public      |         | bailleur de fonds |
    Quand la convention est vérifiée
    Alors il manque "approbation du wali" selon la loi 11-10
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @escapes-DZ-11-10-wali-foreign-gift @escapes-DZ-11-10-wali-twinning
  Scénario: Loi 11-10 (article non identifié) : le financement d'un établissement public algérien n'est pas un don étranger et ne requiert pas à ce titre l'approbation du wali
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  | rôle              |
      | tlemcen     | DZ   | collectivité territoriale | commune | signataire        |
      | montpellier | FR   | collectivité territoriale | commune | signataire        |
      | fonds-dz    | DZ   | établissement public      |         | bailleur de fonds |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "approbation du wali"

  # ---- Transmission de la délibération au wali dans les huit jours

  @art-unidentified @fires-DZ-11-10-transmission-8-days
  Scénario: Loi 11-10 (article non identifié) : la délibération reçue par le wali plus de huit jours après le vote ne respecte pas le délai
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                     | date       | reçue le   | résultat  |
      | délibération du conseil  | 2018-05-02 | 2018-05-11 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par la loi 11-10
    Et le rapport signale que le fondement juridique n'est pas vérifié

  @art-unidentified @escapes-DZ-11-10-transmission-8-days
  Scénario: Loi 11-10 (article non identifié) : la délibération reçue par le wali le huitième jour après le vote respecte le délai
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                     | date       | reçue le   | résultat  |
      | délibération du conseil  | 2018-05-02 | 2018-05-10 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"

  @art-unidentified @fires-DZ-11-10-transmission-8-days
  Scénario: Loi 11-10 (article non identifié) : sans la date de réception par le wali, le respect du délai est inconnu
    Soit une convention du type "coopération" entre les parties suivantes :
      | id          | pays | type                      | niveau  |
      | tlemcen     | DZ   | collectivité territoriale | commune |
      | montpellier | FR   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                     | date       | résultat  |
      | délibération du conseil  | 2018-05-02 | favorable |
    Quand la convention est vérifiée
    Alors l'information "date de réception" manque selon la loi 11-10
