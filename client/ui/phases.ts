// Phase names for the screens, from the zod-free table (shared/scenario.ts would add the schema library to every page).
export { PHASES, PHASE_TITLES } from "../../shared/phases.ts";
