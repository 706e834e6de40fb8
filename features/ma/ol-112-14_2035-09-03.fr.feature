# language: fr
@french @MA-OL-112-14
Fonctionnalité: Délais en jours ouvrables de la loi organique 112-14 sur le calendrier marocain
  Les délais que les articles 107 et 108 comptent en jours ouvrables, sur le calendrier réel du
  Maroc : samedi et dimanche chômés, jours fériés non comptés. Les fêtes religieuses suivent le
  calendrier lunaire et sont fixées chaque année par l'observation de la lune : un délai qui en
  dépend a une date de fin estimée, et le rapport le dit. Les dates sont en 2035 : la
  bibliothèque de calendrier n'y connaît encore que des dates estimées des fêtes lunaires. La première partie du tableau des parties
  est la préfecture dont la situation est vérifiée.

  Contexte:
    Étant donné que l'on lit la loi organique 112-14 à la date du 2035-09-03

  @art-107 @escapes-MA-112-14-107-transmission
  Scénario: Article 107 de la loi organique 112-14 : la fête du Trône du 30 juillet n'est pas un jour ouvrable, le délai de dix jours ouvrables s'allonge d'un jour
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2035-07-27 | 2035-08-13 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 107 court jusqu'au 2035-08-13
    Et cette date n'est pas estimée
    Et le verdict est "conforme"

  @art-107 @fires-MA-112-14-107-transmission
  Scénario: Article 107 de la loi organique 112-14 : une session close juste avant l'Aïd al-Adha, des copies reçues après le délai allongé par la fête sont hors délai, à une date estimée
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | reçue le   | résultat  |
      | délibération du conseil | 2035-02-16 | 2035-03-06 | favorable |
    Quand la convention est vérifiée
    Alors "délibération du conseil" ne respecte pas le délai fixé par l'article 107
    Et le délai fixé par l'article 107 court jusqu'au 2035-03-05
    Et cette date est estimée car elle dépend d'une fête fixée par l'observation de la lune
    Et le verdict est "non conforme"

  @art-107 @escapes-MA-112-14-107-transmission
  Scénario: Article 107 de la loi organique 112-14 : le délai court à partir de la clôture de la session, non du jour de la délibération
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id    | pays | type                      | niveau     |
      | rabat | MA   | collectivité territoriale | préfecture |
      | sale  | MA   | collectivité territoriale | commune    |
    Et les approbations suivantes :
      | type                    | date       | clôture de la session | reçue le   | résultat  |
      | délibération du conseil | 2035-07-23 | 2035-07-27            | 2035-08-13 | favorable |
    Quand la convention est vérifiée
    Alors le délai fixé par l'article 107 court jusqu'au 2035-08-13
    Et le verdict est "conforme"
