# language: fr
@french @MA-OL-113-14
Fonctionnalité: La loi organique 113-14 avant son entrée en vigueur
  Les dispositions de la loi organique 113-14 entrent en vigueur le lendemain de la date de
  l'annonce officielle des résultats définitifs des élections des conseils des communes
  (article 280) ; ces résultats ont été annoncés le 2015-09-05, la date retenue est donc le
  2015-09-06. Avant, elles ne s'appliquent pas, et le rapport le dit au lieu de se taire.

  Contexte:
    Étant donné que l'on lit la loi organique 113-14 à la date du 2015-09-05

  @art-280
  Scénario: Article 280 de la loi organique 113-14 : le jour de l'annonce des résultats définitifs, les dispositions de la loi ne s'appliquent pas encore
    Soit une convention du type "jumelage" entre les parties suivantes :
      | id     | pays | type                      | niveau  |
      | belfaa | MA   | collectivité territoriale | commune |
      | jette  | BE   | collectivité territoriale | commune |
    Quand la convention est vérifiée
    Alors la loi n'est pas encore en vigueur à cette date
    Et le verdict est "incomplet"
