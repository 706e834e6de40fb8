# language: fr
@french @TN-CCL-2018
Fonctionnalité: Coopération décentralisée d'une commune tunisienne avec l'étranger (code des collectivités locales, article 40)
  Loi organique n° 2018-29 du 9 mai 2018, article 40 (texte arabe, qui fait foi, et traduction française lus sur
  jurisitetunisie.com). Lu au 1er juin 2022 : conseils municipaux élus en 2018 et non encore dissous (décret-loi
  n° 2023-9 du 8 mars 2023). Le conseil vote deux mois au moins après la transmission du texte aux Affaires
  étrangères (mois calendaires).

  Contexte:
    Étant donné que l'on lit la loi organique 2018-29 à la date du 2022-06-01

  @art-40 @escapes-TN-CCL-40-partner @fires-TN-CCL-40-foreign-affairs @fires-TN-CCL-40-council @escapes-TN-CCL-40-two-months
  Scénario: Article 40 : jumelage avec une commune marocaine, texte transmis aux Affaires étrangères puis approuvé par le conseil
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | favorable |
      | délibération du conseil      | 2022-03-20 | favorable |
    Quand la convention est vérifiée
    Alors la convention n'est pas interdite selon l'article 40
    Et il ne manque pas "avis des affaires étrangères"
    Et il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"

  @art-40 @fires-TN-CCL-40-partner
  Scénario: Article 40 : une commune ne conclut pas de convention de coopération avec un État étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | maroc  | MA   | État                      |         |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | favorable |
      | délibération du conseil      | 2022-03-20 | favorable |
    Quand la convention est vérifiée
    Alors la convention est interdite selon l'article 40
    Et le verdict est "non conforme"

  @art-40 @fires-TN-CCL-40-foreign-affairs
  Scénario: Article 40 : le texte de la convention est obligatoirement transmis au ministère des Affaires étrangères
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                    | date       | résultat  |
      | délibération du conseil | 2022-03-20 | favorable |
    Quand la convention est vérifiée
    Alors il manque "avis des affaires étrangères" selon l'article 40
    Et "avis des affaires étrangères" relève de "le ministère des Affaires étrangères"

  @art-40 @fires-TN-CCL-40-foreign-affairs
  Scénario: Article 40 : le ministère des Affaires étrangères refuse le projet pour des raisons de souveraineté
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | refus     |
      | délibération du conseil      | 2022-03-20 | favorable |
    Quand la convention est vérifiée
    Alors un refus de "avis des affaires étrangères" est constaté selon l'article 40
    Et le verdict est "non conforme"

  @art-40 @fires-TN-CCL-40-foreign-affairs
  Scénario: Article 40 : le texte transmis aux Affaires étrangères après l'approbation du conseil l'a été trop tard
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-04-15 | favorable |
      | délibération du conseil      | 2022-03-20 | favorable |
    Quand la convention est vérifiée
    Alors l'état de "avis des affaires étrangères" dans le plan des approbations est "postérieure à la délibération"
    Et le verdict est "non conforme"

  @art-40 @fires-TN-CCL-40-council
  Scénario: Article 40 : la convention est soumise à l'approbation du conseil de la collectivité locale
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | favorable |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 40

  @art-40 @escapes-TN-CCL-40-partner @escapes-TN-CCL-40-foreign-affairs @escapes-TN-CCL-40-council
  Scénario: Article 40 : une coopération entre deux communes tunisiennes ne relève pas de la coopération décentralisée avec l'étranger
    Soit une convention du type "coopération" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | sfax   | TN   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la convention ne requiert pas "avis des affaires étrangères"
    Et la convention ne requiert pas "délibération du conseil"
    Et la convention n'est pas interdite selon l'article 40
    Et le verdict est "incomplet"

  @art-40 @fires-TN-CCL-40-two-months
  Scénario: Article 40 : le conseil qui vote moins de deux mois après la transmission aux Affaires étrangères ne respecte pas le délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | favorable |
      | délibération du conseil      | 2022-03-09 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par l'article 40
    Et le verdict est "non conforme"

  @art-40 @escapes-TN-CCL-40-two-months
  Scénario: Article 40 : le conseil qui vote le jour où les deux mois sont accomplis respecte le délai
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | sousse | TN   | collectivité territoriale | commune |
      | tanger | MA   | collectivité territoriale | commune |
    Et les approbations suivantes :
      | type                         | date       | résultat  |
      | avis des affaires étrangères | 2022-01-10 | favorable |
      | délibération du conseil      | 2022-03-10 | favorable |
    Quand la convention est vérifiée
    Alors il ne manque pas "délibération du conseil"
    Et le verdict est "conforme"
