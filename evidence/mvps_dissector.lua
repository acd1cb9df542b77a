-- mvps_dissector.lua: Wireshark/tshark (4.0, Lua 5.2) dissector for the MVPS Coherence-BFD extension.
--
-- Usage:  tshark -X lua_script:mvps_dissector.lua -r mvps_baseline.pcap   (in evidence/ or a release folder)
-- Prefs:  -o mvps.hmac_key:<ascii key>      (default: the public proof key)
--         -o mvps.expose_as_data:TRUE       (also hand the extension bytes to the "data" dissector)
-- Self-test of the SHA-256 / HMAC code: lua5.2 tools/mvps_dissector_selftest.lua (from the repository root)
--
-- Wire layout (UDP payload offsets; /work/brief/WIRE.md is normative):
--    0..23  BFD Control packet (RFC 5880 4.1), Length byte at 3 (24)
--   24      ext version (3)      25 flags (0x80 alarm)    26..27 vantage u16
--   28..31  lattice period us    32..35 magic "COHE"      36..39 tick u32
--   40..43  phi ns int32         44/48/52 C1/C2/C3 float32 BE
--   56..67  HMAC-SHA256(key, payload[0..56)) truncated to 12 bytes
--
-- Attachment: this replaces the udp.port 3784 entry (the stock BFD Control handle). MVPS frames:
-- the first Length bytes go to the stock BFD dissector, the rest is decoded here. Anything else
-- on port 3784 is handed to BFD whole and unchanged.
-- Known consequence (Wireshark appends a protocol to pinfo->layers before calling the dissector
-- found in a table, and builds frame.protocols from that list): frame.protocols reads
-- "eth:ethertype:ip:udp:mvps:bfd" (":data" appended with expose_as_data), and every frame on
-- port 3784, plain BFD included, lists "mvps". The filter "mvps" itself matches only frames
-- decoded or annotated (near miss, below) here. "...:udp:bfd:mvps" is not reachable from Lua: a
-- postdissector runs after frame.protocols has been built and never appears in it.
--
-- Loaded by the self-test (or outside Wireshark), this file registers nothing and returns its
-- SHA-256/HMAC functions.

----------------------------------------------------------------------------------------------
-- SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) on Lua strings, using bit32.
----------------------------------------------------------------------------------------------
-- Loaded once per Wireshark: a copy in the personal Lua plugins folder and `-X lua_script:` on the same
-- run would otherwise register the protocol twice and make every command fail with "two protocols with the
-- same description". The first load wins; the second says so on stderr (stdout stays the decoder's).
-- (package.loaded lives in the Lua registry, which every script of the one Lua state shares.)
local this_file = debug.getinfo(1, "S").source:gsub("^@", "")
if package.loaded["mvps_dissector"] then
    io.stderr:write("mvps_dissector.lua: already loaded from " .. tostring(package.loaded["mvps_dissector"]) .. "; not loading " .. this_file .. " again\n")
    return
end
package.loaded["mvps_dissector"] = this_file

local bit32 = bit32 or require("bit32")
local band, bxor, rshift = bit32.band, bit32.bxor, bit32.rshift
local sbyte, schar, srep, sformat = string.byte, string.char, string.rep, string.format

local TWO32 = 4294967296
local BLOCK = 64

-- FIPS 180-4 4.2.2: first 32 bits of the fractional parts of the cube roots of the first 64 primes.
local K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

-- FIPS 180-4 5.3.3: initial hash value (square roots of the first 8 primes).
local IV = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 }

-- Message schedule scratch; fully rewritten by every compress() call, so nothing carries over.
local W = {}

-- One compression of the 64-byte block of s starting at 1-based index pos, updating H in place.
-- Speed matters (this is ~all of the per-frame cost), and in Lua 5.2 every bit32 call is a C
-- call, so: rotations are done arithmetically (rotr(x, n) = lo * 2^(32-n) + (x - lo) / 2^n with
-- lo = x % 2^n, exact in doubles), the three rotations of each sigma share one bxor call, and
-- Ch/Maj use disjoint-bit identities (Ch = (e&f) + (~e&g), Maj = (a&b) + (c & (a^b)) with
-- a^b = a + b - 2(a&b)). Sums stay below 2^53 and are reduced mod 2^32 once.
local function compress(H, s, pos)
    for j = 1, 16 do
        local b1, b2, b3, b4 = sbyte(s, pos, pos + 3)
        W[j] = ((b1 * 256 + b2) * 256 + b3) * 256 + b4
        pos = pos + 4
    end
    for j = 17, 64 do
        local x, y = W[j - 15], W[j - 2]
        local x7, x18, x3 = x % 128, x % 262144, x % 8
        local y17, y19, y10 = y % 131072, y % 524288, y % 1024
        local s0 = bxor(x7 * 33554432 + (x - x7) / 128,
                        x18 * 16384 + (x - x18) / 262144,
                        (x - x3) / 8)
        local s1 = bxor(y17 * 32768 + (y - y17) / 131072,
                        y19 * 8192 + (y - y19) / 524288,
                        (y - y10) / 1024)
        W[j] = (W[j - 16] + s0 + W[j - 7] + s1) % TWO32
    end
    local a, b, c, d, e, f, g, h = H[1], H[2], H[3], H[4], H[5], H[6], H[7], H[8]
    for j = 1, 64 do
        local e6, e11, e25 = e % 64, e % 2048, e % 33554432
        local S1 = bxor(e6 * 67108864 + (e - e6) / 64,
                        e11 * 2097152 + (e - e11) / 2048,
                        e25 * 128 + (e - e25) / 33554432)
        local ch = band(e, f) + band(4294967295 - e, g)
        local t1 = h + S1 + ch + K[j] + W[j]
        local a2, a13, a22 = a % 4, a % 8192, a % 4194304
        local S0 = bxor(a2 * 1073741824 + (a - a2) / 4,
                        a13 * 524288 + (a - a13) / 8192,
                        a22 * 1024 + (a - a22) / 4194304)
        local ab = band(a, b)
        local maj = ab + band(c, a + b - 2 * ab)
        h = g; g = f; f = e
        e = (d + t1) % TWO32
        d = c; c = b; b = a
        a = (t1 + S0 + maj) % TWO32
    end
    H[1] = (H[1] + a) % TWO32; H[2] = (H[2] + b) % TWO32
    H[3] = (H[3] + c) % TWO32; H[4] = (H[4] + d) % TWO32
    H[5] = (H[5] + e) % TWO32; H[6] = (H[6] + f) % TWO32
    H[7] = (H[7] + g) % TWO32; H[8] = (H[8] + h) % TWO32
end

local function u32be(x)
    return schar(rshift(x, 24), band(rshift(x, 16), 255), band(rshift(x, 8), 255), band(x, 255))
end

local function state_to_digest(H)
    return u32be(H[1]) .. u32be(H[2]) .. u32be(H[3]) .. u32be(H[4])
        .. u32be(H[5]) .. u32be(H[6]) .. u32be(H[7]) .. u32be(H[8])
end

-- Hash msg continuing from chaining state H0 after prefix_len already-absorbed bytes (a multiple
-- of 64). H0 is not modified. Returns the 32-byte digest.
local function sha256_from(H0, prefix_len, msg)
    local H = { H0[1], H0[2], H0[3], H0[4], H0[5], H0[6], H0[7], H0[8] }
    local n = #msg
    local full = n - n % BLOCK
    for pos = 1, full, BLOCK do
        compress(H, msg, pos)
    end
    -- Padding: 0x80, zeros to 56 mod 64, then the 64-bit big-endian bit length.
    local bits = (prefix_len + n) * 8
    local hi, lo = math.floor(bits / TWO32), bits % TWO32
    local tail = msg:sub(full + 1) .. "\128"
    tail = tail .. srep("\0", (56 - #tail) % BLOCK) .. u32be(hi) .. u32be(lo)
    for pos = 1, #tail, BLOCK do
        compress(H, tail, pos)
    end
    return state_to_digest(H)
end

local function sha256(msg)
    return sha256_from(IV, 0, msg)
end

-- Keyed HMAC context: chaining states after absorbing the ipad and opad blocks.
local function hmac_sha256_context(key)
    if #key > BLOCK then
        key = sha256(key)
    end
    key = key .. srep("\0", BLOCK - #key)
    local ipad, opad = {}, {}
    for i = 1, BLOCK do
        local k = sbyte(key, i)
        ipad[i] = schar(bxor(k, 0x36))
        opad[i] = schar(bxor(k, 0x5c))
    end
    local inner = { IV[1], IV[2], IV[3], IV[4], IV[5], IV[6], IV[7], IV[8] }
    local outer = { IV[1], IV[2], IV[3], IV[4], IV[5], IV[6], IV[7], IV[8] }
    compress(inner, table.concat(ipad), 1)
    compress(outer, table.concat(opad), 1)
    return { inner = inner, outer = outer }
end

local function hmac_sha256_with(ctx, msg)
    return sha256_from(ctx.outer, BLOCK, sha256_from(ctx.inner, BLOCK, msg))
end

local function hmac_sha256(key, msg)
    return hmac_sha256_with(hmac_sha256_context(key), msg)
end

local function to_hex(s)
    return (s:gsub(".", function(ch) return sformat("%02x", sbyte(ch)) end))
end

local crypto = {
    sha256 = sha256,
    hmac_sha256 = hmac_sha256,
    hmac_sha256_context = hmac_sha256_context,
    hmac_sha256_with = hmac_sha256_with,
    to_hex = to_hex,
}

-- The self-test loads this chunk with a table argument { mvps_crypto_only = true } (a table,
-- so no "-X lua_script1:" string argument can trigger it); outside Wireshark there is nothing
-- to register anyway.
local loader_arg = ...
if (type(loader_arg) == "table" and loader_arg.mvps_crypto_only) or rawget(_G, "Proto") == nil then
    return crypto
end

----------------------------------------------------------------------------------------------
-- Protocol definition
----------------------------------------------------------------------------------------------
local BFD_PORT = 3784
local DEFAULT_KEY = "MVPS-shared-secret-deterministic-2026"

-- UDP payload offsets / lengths (single place).
local OFF_BFD_LEN = 3
local BFD_LEN = 24
local OFF_EXT_VERSION = 24
local OFF_FLAGS = 25
local OFF_VANTAGE = 26
local OFF_PERIOD = 28
local OFF_MAGIC = 32
local OFF_TICK = 36
local OFF_PHI = 40
local OFF_C1, OFF_C2, OFF_C3 = 44, 48, 52
local OFF_HMAC = 56
local HMAC_LEN = 12
local MVPS_PAYLOAD_LEN = 68
local EXT_VERSION = 3
local MAGIC = 0x434F4845 -- "COHE"
local FLAG_ALARM = 0x80
local FLAG_RESERVED = 0x7F

local mvps = Proto("mvps", "MVPS Coherence-BFD extension")

local pf = {
    ext_version = ProtoField.uint8("mvps.ext_version", "Extension version", base.DEC),
    flags = ProtoField.uint8("mvps.flags", "Flags", base.HEX),
    alarm = ProtoField.bool("mvps.flags.alarm", "Coherence alarm", 8, nil, FLAG_ALARM),
    reserved = ProtoField.uint8("mvps.flags.reserved", "Reserved", base.HEX, nil, FLAG_RESERVED),
    vantage = ProtoField.uint16("mvps.vantage", "Vantage id", base.DEC),
    period = ProtoField.uint32("mvps.lattice_period_us", "Tick lattice period (us)", base.DEC),
    magic = ProtoField.uint32("mvps.magic", "Magic", base.HEX, { [MAGIC] = "COHE" }),
    tick = ProtoField.uint32("mvps.tick", "Tick id", base.DEC),
    phi = ProtoField.int32("mvps.phi_ns", "Phase residual phi (ns)", base.DEC),
    c1 = ProtoField.float("mvps.c1", "C1 causal axis"),
    c2 = ProtoField.float("mvps.c2", "C2 semantic axis"),
    c3 = ProtoField.float("mvps.c3", "C3 byzantine axis"),
    c1_bits = ProtoField.uint32("mvps.c1_bits", "C1 bits", base.HEX),
    c2_bits = ProtoField.uint32("mvps.c2_bits", "C2 bits", base.HEX),
    c3_bits = ProtoField.uint32("mvps.c3_bits", "C3 bits", base.HEX),
    hmac = ProtoField.bytes("mvps.hmac", "HMAC-SHA256/96 tag"),
    hmac_valid = ProtoField.bool("mvps.hmac_valid", "HMAC valid"),
    hmac_computed = ProtoField.bytes("mvps.hmac_computed", "HMAC-SHA256/96 computed"),
}
mvps.fields = {
    pf.ext_version, pf.flags, pf.alarm, pf.reserved, pf.vantage, pf.period, pf.magic, pf.tick,
    pf.phi, pf.c1, pf.c2, pf.c3, pf.c1_bits, pf.c2_bits, pf.c3_bits, pf.hmac, pf.hmac_valid,
    pf.hmac_computed,
}

local ex = {
    hmac_mismatch = ProtoExpert.new("mvps.hmac_mismatch", "MVPS HMAC mismatch",
        expert.group.CHECKSUM, expert.severity.WARN),
    bad_magic = ProtoExpert.new("mvps.bad_magic", "MVPS bad magic (expected COHE)",
        expert.group.MALFORMED, expert.severity.WARN),
    bad_version = ProtoExpert.new("mvps.bad_version", "MVPS unsupported extension version (expected 3)",
        expert.group.MALFORMED, expert.severity.WARN),
    reserved_flags = ProtoExpert.new("mvps.reserved_flags", "MVPS reserved flag bits set",
        expert.group.PROTOCOL, expert.severity.WARN),
}
mvps.experts = { ex.hmac_mismatch, ex.bad_magic, ex.bad_version, ex.reserved_flags }

mvps.prefs.hmac_key = Pref.string("HMAC key", DEFAULT_KEY,
    "ASCII key for HMAC-SHA256 over UDP payload bytes 0..55 (default: the public proof key)")
-- Why this exists: the seed recipe `tshark -Y "data contains 43:4f:48:45"` matches nothing on
-- stock Wireshark. udp.port 3784 maps to the BFD dissector, which claims the whole UDP payload
-- (it reads the 24-byte Control packet and silently ignores the trailing 44 bytes), so no "data"
-- layer -- and no data.data field -- ever exists for these frames. With this pref on, the
-- extension bytes are additionally handed to the data dissector so the documented filter works.
mvps.prefs.expose_as_data = Pref.bool("Expose extension as data", false,
    "Also hand UDP payload bytes 24..67 to the data dissector so 'data contains 43:4f:48:45' matches")

-- Keyed pads are derived from the pref only; rebuilt whenever prefs change.
local hmac_ctx = hmac_sha256_context(DEFAULT_KEY)

function mvps.prefs_changed()
    hmac_ctx = hmac_sha256_context(mvps.prefs.hmac_key or "")
end

-- The stock BFD Control handle is not registered under a name in 4.0 (Dissector.get("bfd")
-- yields nil), so take it from the port table before this file replaces the entry.
local function find_bfd_handle()
    local ok, h = pcall(Dissector.get, "bfd")
    if ok and h ~= nil then return h end
    local udp_port = DissectorTable.get("udp.port")
    for _, port in ipairs({ BFD_PORT, 4784 }) do
        h = udp_port:get_dissector(port)
        if h ~= nil then return h end
    end
    error("mvps_dissector.lua: cannot find the BFD Control dissector (udp.port 3784)")
end

local bfd_dissector = find_bfd_handle()
local data_dissector = Dissector.get("data")

local function fmt_float(x)
    return sformat("%.9g", x)
end

-- A 24-byte Control packet followed by exactly one of the two markers: left to BFD, but the
-- two marker fields are shown with a warning so a damaged/foreign-version frame is not silent.
local function annotate_near_miss(tvb, tree, version_ok, magic_ok)
    local t = tree:add(mvps, tvb(OFF_EXT_VERSION, MVPS_PAYLOAD_LEN - OFF_EXT_VERSION))
    t:append_text(" (not decoded: markers incomplete)")
    local vi = t:add(pf.ext_version, tvb(OFF_EXT_VERSION, 1))
    if not version_ok then vi:add_proto_expert_info(ex.bad_version) end
    local mi = t:add(pf.magic, tvb(OFF_MAGIC, 4))
    if not magic_ok then mi:add_proto_expert_info(ex.bad_magic) end
end

local function dissect_extension(tvb, pinfo, tree)
    local t = tree:add(mvps, tvb(OFF_EXT_VERSION, MVPS_PAYLOAD_LEN - OFF_EXT_VERSION))
    t:add(pf.ext_version, tvb(OFF_EXT_VERSION, 1))
    local flags_range = tvb(OFF_FLAGS, 1)
    local fi = t:add(pf.flags, flags_range)
    fi:add(pf.alarm, flags_range)
    fi:add(pf.reserved, flags_range)
    if band(flags_range:uint(), FLAG_RESERVED) ~= 0 then fi:add_proto_expert_info(ex.reserved_flags) end
    t:add(pf.vantage, tvb(OFF_VANTAGE, 2))
    t:add(pf.period, tvb(OFF_PERIOD, 4))
    t:add(pf.magic, tvb(OFF_MAGIC, 4))
    t:add(pf.tick, tvb(OFF_TICK, 4))
    t:add(pf.phi, tvb(OFF_PHI, 4))
    t:add(pf.c1, tvb(OFF_C1, 4)); t:add(pf.c1_bits, tvb(OFF_C1, 4))
    t:add(pf.c2, tvb(OFF_C2, 4)); t:add(pf.c2_bits, tvb(OFF_C2, 4))
    t:add(pf.c3, tvb(OFF_C3, 4)); t:add(pf.c3_bits, tvb(OFF_C3, 4))

    local tag_range = tvb(OFF_HMAC, HMAC_LEN)
    local computed = hmac_sha256_with(hmac_ctx, tvb:raw(0, OFF_HMAC)):sub(1, HMAC_LEN)
    local ok = computed == tag_range:raw()
    t:add(pf.hmac, tag_range)
    local valid_item = t:add(pf.hmac_valid, tag_range, ok)
    valid_item:set_generated()
    t:add(pf.hmac_computed, tag_range, computed):set_generated()
    if not ok then valid_item:add_proto_expert_info(ex.hmac_mismatch) end

    local summary = sformat("tick=%d phi=%d C=(%s, %s, %s) HMAC %s",
        tvb(OFF_TICK, 4):uint(), tvb(OFF_PHI, 4):int(),
        fmt_float(tvb(OFF_C1, 4):float()), fmt_float(tvb(OFF_C2, 4):float()),
        fmt_float(tvb(OFF_C3, 4):float()), ok and "ok" or "BAD")
    t:append_text(", " .. summary)
    pinfo.cols.protocol = "MVPS"
    pinfo.cols.info = "MVPS " .. summary
end

function mvps.dissector(tvb, pinfo, tree)
    local len = tvb:len()
    if len < MVPS_PAYLOAD_LEN then
        return bfd_dissector:call(tvb, pinfo, tree)
    end
    local version_ok = tvb(OFF_EXT_VERSION, 1):uint() == EXT_VERSION
    local magic_ok = tvb(OFF_MAGIC, 4):uint() == MAGIC
    if not (version_ok and magic_ok) then
        local consumed = bfd_dissector:call(tvb, pinfo, tree)
        if consumed > 0 and (version_ok or magic_ok) and tvb(OFF_BFD_LEN, 1):uint() == BFD_LEN then
            annotate_near_miss(tvb, tree, version_ok, magic_ok)
        end
        return consumed
    end

    -- BFD gets exactly its own Length bytes; a Length that does not fit falls back to 24 and
    -- the BFD dissector reports the inconsistency itself.
    local control_len = tvb(OFF_BFD_LEN, 1):uint()
    if control_len < 1 or control_len > len then control_len = BFD_LEN end
    bfd_dissector:call(tvb(0, control_len):tvb(), pinfo, tree)

    dissect_extension(tvb, pinfo, tree)

    if mvps.prefs.expose_as_data then
        data_dissector:call(tvb(BFD_LEN, MVPS_PAYLOAD_LEN - BFD_LEN):tvb(), pinfo, tree)
    end
    return len
end

DissectorTable.get("udp.port"):add(BFD_PORT, mvps)
