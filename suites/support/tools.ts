/** The one tool every tool-call probe offers; forced by tool_choice so any tool-capable model calls it. */
export const WEATHER_TOOL = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Get the current weather for a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
} as const;

export const TOOL_PROMPT = "Use the get_weather tool to get the weather in Paris.";

export const TOOL_CHOICE = { type: "function", function: { name: "get_weather" } } as const;

/** Tool JSON needs more room than a one-word probe; still far from a workload. */
export const TOOL_MAX_TOKENS = 64;

/** A model without tool or image support says so; that is a skip, not a gateway fault. */
export function modelLacksFeature(message: string, feature: "tool" | "image"): boolean {
  const what = feature === "tool" ? "(tool|function)" : "(image|vision|modalit)";
  const refusal = "(not supported|unsupported|doesn[’']t support|does not support|cannot|can[’']t)";
  const before = new RegExp(`${what}[^.]{0,60}${refusal}`, "i");
  const after = new RegExp(`(doesn[’']t|does not|cannot|can[’']t) (support|accept|process|handle)[^.]{0,40}${what}`, "i");
  return before.test(message) || after.test(message);
}
