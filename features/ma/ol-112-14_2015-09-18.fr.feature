# language: fr
@french @MA-OL-112-14
Fonctionnalité: La loi organique 112-14 le premier jour de son application
  Le premier jour retenu pour l'application de la loi organique 112-14 est le 2015-09-18 (article 222).

  Contexte:
    Étant donné que l'on lit la loi organique 112-14 à la date du 2015-09-18

  @art-222 @art-94 @fires-MA-112-14-94-twinning-council
  Scénario: Article 222 de la loi organique 112-14 : dès le premier jour d'application de la loi, l'article 94 s'applique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 94
