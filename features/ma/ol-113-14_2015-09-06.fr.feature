# language: fr
@french @MA-OL-113-14
Fonctionnalité: La loi organique 113-14 le premier jour de son application
  Le premier jour retenu pour l'application de la loi organique 113-14 est le 2015-09-06, lendemain
  de l'annonce officielle des résultats définitifs des élections des conseils des communes
  (article 280).

  Contexte:
    Étant donné que l'on lit la loi organique 113-14 à la date du 2015-09-06

  @art-280 @art-92 @fires-MA-113-14-92-twinning-council
  Scénario: Article 280 de la loi organique 113-14 : dès le premier jour d'application de la loi, l'article 92 s'applique
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors il manque "délibération du conseil" selon l'article 92
