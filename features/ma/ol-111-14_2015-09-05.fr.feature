# language: fr
@french @MA-OL-111-14
Fonctionnalité: La loi organique 111-14 avant son entrée en vigueur
  Les dispositions de la loi organique 111-14 entrent en vigueur le lendemain de l'annonce officielle
  des résultats définitifs des élections des conseils des régions (article 252) ; la date retenue
  est le 2015-09-06. Avant, elles ne s'appliquent pas, et le rapport le dit au lieu de se taire.

  Contexte:
    Étant donné que l'on lit la loi organique 111-14 à la date du 2015-09-05

  @art-252
  Scénario: Article 252 de la loi organique 111-14 : avant l'entrée en vigueur de la loi, ses dispositions ne s'appliquent pas
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id        | pays | type                      | niveau |
      | rsk       | MA   | collectivité territoriale | région |
      | occitanie | FR   | collectivité territoriale | région |
    Quand la convention est vérifiée
    Alors la loi n'est pas encore en vigueur à cette date
    Et le verdict est "incomplet"
