// Addresses as the guessing limits count them: IPv4 one by one, IPv6 by its /64 (what one home or
// school is given), so a guesser cannot take a fresh budget from each of its 2^64 addresses.
import { describe, expect, it } from "vitest";
import { limitKey } from "../../server/limits/ip.ts";
import { JoinLimits } from "../../server/limits/joins.ts";

describe("limitKey", () => {
  it("keeps IPv4, unwraps IPv4-mapped IPv6, and cuts IPv6 to its /64", () => {
    expect(limitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(limitKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(limitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("::1")).toBe("0:0:0:0::/64");
    expect(limitKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("one /64 shares one budget of wrong codes", () => {
    const limits = new JoinLimits({ wrongSessionCodes: 3 });
    for (let i = 1; i <= 3; i++) limits.wrongSessionCode(`2001:db8:1:2::${i}`, 0);
    expect(limits.maySeekSession("2001:db8:1:2::99", "WXYWXY", 1)).toBe(false);
    expect(limits.maySeekSession("2001:db8:1:3::1", "WXYWXY", 1)).toBe(true);
  });
});
