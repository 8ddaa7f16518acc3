import { describe, expect, it } from 'vitest';
import { forbiddenCriteria, forbiddenCriteriaMessage } from './discrimination.ts';

const criteria = (text: string) => forbiddenCriteria(text).map((f) => f.criterion);

describe('forbidden criteria in a job offer', () => {
  it.each([
    ['Assistant(e) de gestion, moins de 30 ans', 'âge'],
    ['Candidat âgé de 25 à 35 ans', 'âge'],
    ['Vous avez entre 20 et 30 ans', 'âge'],
    ['Âge maximum : 45 ans', 'âge'],
    ['Jeune diplômé(e) bienvenu(e)', 'âge'],
    ['Profil jeune et dynamique', 'âge'],
    ['Poste réservé aux hommes uniquement', 'sexe'],
    ['Nous recherchons exclusivement une femme', 'sexe'],
    ['Candidat de sexe masculin', 'sexe'],
    ['Célibataire sans enfant de préférence', 'situation de famille'],
    ['Français d’origine européenne', 'origine'],
    ['Nationalité française exigée', 'nationalité'],
    ['Bonne présentation exigée', 'apparence physique'],
    ['Physique agréable', 'apparence physique'],
    ['Candidat sans handicap', 'handicap'],
    ['Non syndiqué', 'activités syndicales'],
    ['Résidant à Lyon obligatoirement', 'lieu de résidence'],
    ['Français langue maternelle', 'langue maternelle'],
  ])('refuses « %s » (%s)', (text, criterion) => {
    expect(criteria(text)).toContain(criterion);
  });

  it.each([
    'Assistant de gestion H/F',
    'Secrétaire de mairie (F/H) — poste ouvert aux hommes et aux femmes',
    'Comptable homme ou femme, CDI 35 h',
    'Plus de 10 ans d’expérience souhaités',
    '5 à 10 ans d’expérience en paie',
    '10 ans minimum d’expérience',
    'Animateur jeunesse : accueil des jeunes de la commune',
    'Permis B valide, véhicule de service',
    'Accueil des habitants de la commune et des associations',
    'Maîtrise du français courant, anglais apprécié',
    'Rémunération selon la convention collective, mutuelle, tickets restaurant',
    'À l’origine de projets transverses, vous animez l’équipe',
    'Poste adapté aux personnes en situation de handicap (RQTH bienvenue)',
  ])('accepts « %s »', (text) => {
    expect(forbiddenCriteria(text)).toEqual([]);
  });

  it('names the words and the articles in French', () => {
    const message = forbiddenCriteriaMessage(forbiddenCriteria('Femmes uniquement, moins de 40 ans'));
    expect(message).toMatch(/« moins de 40 ans » \(âge\)/);
    expect(message).toMatch(/« femmes uniquement » \(sexe\)/);
    expect(message).toMatch(/L1132-1/);
  });
});
