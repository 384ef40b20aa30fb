// Every scene of the game, in the order of SCENE_KEYS (the router picks among them).
import { LobbyScene } from "./lobby.ts";
import { BriefingScene } from "./briefing.ts";
import { OpeningScene } from "./opening.ts";
import { NegotiationScene } from "./negotiation.ts";
import { FinalTextScene } from "./final-text.ts";
import { SigningScene } from "./signing.ts";
import { DebriefScene } from "./debrief.ts";

export const SCENES = [
  LobbyScene,
  BriefingScene,
  OpeningScene,
  NegotiationScene,
  FinalTextScene,
  SigningScene,
  DebriefScene,
];
