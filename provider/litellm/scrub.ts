// Error text may quote what LiteLLM (or a proxy in front of it) said; none of it may carry a key.

/** Replaces the master key, and anything shaped like a LiteLLM virtual key, with "***". */
export function secretScrubber(masterKey: string): (text: string) => string {
  return (text) => {
    let out = masterKey.length >= 4 ? text.split(masterKey).join("***") : text;
    out = out.replace(/\bsk-[A-Za-z0-9_-]{6,}/g, "sk-***");
    return out;
  };
}
