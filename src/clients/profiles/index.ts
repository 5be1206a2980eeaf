import type { ClientProfile } from "../types.js";
import { nextchatProfiles } from "./nextchat.js";
import { openaiProfiles } from "./openai-sdks.js";
import { otherProfiles } from "./others.js";

export const profiles: ClientProfile[] = [...nextchatProfiles, ...openaiProfiles, ...otherProfiles];
