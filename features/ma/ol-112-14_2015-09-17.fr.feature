# language: fr
@french @MA-OL-112-14
Fonctionnalité: La loi organique 112-14 avant son entrée en vigueur
  Les dispositions de la loi organique 112-14 entrent en vigueur le lendemain de l'annonce officielle
  des résultats définitifs des élections des conseils des préfectures et provinces (article 222) ;
  la date retenue est le 2015-09-18. Avant, elles ne s'appliquent pas, et le rapport le dit au lieu
  de se taire.

  Contexte:
    Étant donné que l'on lit la loi organique 112-14 à la date du 2015-09-17

  @art-222
  Scénario: Article 222 de la loi organique 112-14 : avant l'entrée en vigueur de la loi, ses dispositions ne s'appliquent pas
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau     |
      | rabat     | MA   | collectivité territoriale | préfecture |
      | bamako-c3 | ML   | collectivité territoriale | commune    |
    Quand la convention est vérifiée
    Alors la loi n'est pas encore en vigueur à cette date
    Et le verdict est "incomplet"
