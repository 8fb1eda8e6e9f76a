import type { DemoStory } from '../spec.js';
import { COMMITTEE } from './committee.js';
import { FENTANYL_EVENTS } from './fentanyl-events.js';
import { FENTANYL_LINKS } from './fentanyl-links.js';
import { FENTANYL_PEOPLE } from './fentanyl-people.js';
import { FIREARMS } from './firearms.js';

/** Records come before the links that join them, across chapters. */
export const DEMO_STORY: DemoStory = {
  records: [...FENTANYL_PEOPLE, ...FENTANYL_EVENTS, ...FIREARMS.records, ...COMMITTEE.records],
  links: [...FENTANYL_LINKS, ...FIREARMS.links, ...COMMITTEE.links],
};
