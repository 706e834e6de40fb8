# language: fr
@french @MA-OL-111-14
Fonctionnalité: La loi organique 111-14 le premier jour de son application
  Le premier jour retenu pour l'application de la loi organique 111-14 est le 2015-09-06 (article 252).

  Contexte:
    Étant donné que l'on lit la loi organique 111-14 à la date du 2015-09-06

  @art-252 @art-99 @fires-MA-111-14-99-twinning-council
  Scénario: Article 252 de la loi organique 111-14 : dès le premier jour d'application de la loi, l'article 99 s'applique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 99
