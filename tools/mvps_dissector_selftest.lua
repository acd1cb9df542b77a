-- mvps_dissector_selftest.lua: known-answer tests for the SHA-256 / HMAC-SHA256 code inside
-- mvps_dissector.lua (Wireshark 4.0's Lua has no hash functions, so the dissector carries its own).
--
-- Run:  lua5.2 tools/mvps_dissector_selftest.lua            (exit 0 = all pass, 1 = a failure)
--  or:  tshark -G protocols -X lua_script:tools/mvps_dissector_selftest.lua >/dev/null
--       (-G must come first; results go to stdout, a failure makes tshark exit 1)
-- The dissector is evidence/mvps_dissector.lua, found from this file's folder; MVPS_DISSECTOR may name another path.

local function script_dir()
    local src = debug.getinfo(1, "S").source
    if src:sub(1, 1) == "@" then
        local dir = src:sub(2):match("^(.*)[/\\]")
        if dir then return dir end
    end
    return "."
end

local path = (os.getenv("MVPS_DISSECTOR") or (script_dir() .. "/../evidence/mvps_dissector.lua"))

-- Ask the dissector for its crypto table only, so nothing gets registered under tshark.
-- (load() on the text, because Wireshark replaces dofile/loadfile with versions that drop
-- the chunk's return value.)
local function load_crypto(file)
    local fh, err = io.open(file, "rb")
    if not fh then return false, err end
    local text = fh:read("*a")
    fh:close()
    local chunk, lerr = load(text, "@" .. file)
    if not chunk then return false, lerr end
    return pcall(chunk, { mvps_crypto_only = true })
end

local loaded, crypto = load_crypto(path)
if not loaded or type(crypto) ~= "table" then
    io.stdout:write("FAIL load ", path, ": ", tostring(crypto), "\n")
    os.exit(1)
end

local function unhex(h)
    return (h:gsub("%x%x", function(x) return string.char(tonumber(x, 16)) end))
end

local hex = crypto.to_hex
local failures, count = 0, 0

local function check(name, got, want_hex)
    count = count + 1
    local got_hex = hex(got)
    if got_hex == want_hex then
        io.stdout:write("PASS ", name, "\n")
    else
        failures = failures + 1
        io.stdout:write("FAIL ", name, "\n  want ", want_hex, "\n  got  ", got_hex, "\n")
    end
end

-- FIPS 180-4 / FIPS 180-2 appendix B examples.
check("sha256 'abc' (FIPS one block)", crypto.sha256("abc"),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
check("sha256 empty string", crypto.sha256(""),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
check("sha256 448-bit two-block message (FIPS)",
    crypto.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
check("sha256 896-bit message",
    crypto.sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
        .. "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
check("sha256 one million 'a' (FIPS long message)", crypto.sha256(string.rep("a", 1000000)),
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")

-- Padding boundaries (55 fits one block, 56 spills; 64/119/120 around two blocks).
local boundary = {
    [55] = "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
    [56] = "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
    [63] = "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34",
    [64] = "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
    [65] = "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0",
    [119] = "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb",
    [120] = "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c",
}
for _, n in ipairs({ 55, 56, 63, 64, 65, 119, 120 }) do
    check("sha256 'a' x " .. n, crypto.sha256(string.rep("a", n)), boundary[n])
end

-- RFC 4231 HMAC-SHA256 test cases 1, 2, 3 and 6 (6 = key longer than the block size).
check("hmac RFC 4231 case 1", crypto.hmac_sha256(string.rep("\11", 20), "Hi There"),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
check("hmac RFC 4231 case 2", crypto.hmac_sha256("Jefe", "what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
check("hmac RFC 4231 case 3", crypto.hmac_sha256(string.rep("\170", 20), string.rep("\221", 50)),
    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
check("hmac RFC 4231 case 6",
    crypto.hmac_sha256(string.rep("\170", 131), "Test Using Larger Than Block-Size Key - Hash Key First"),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")

-- The dissector's hot path: precomputed keyed pads, 56-byte MVPS authenticated region
-- (a WIRE.md frame with tick 1, all-zero phi/C; expected tag from an independent implementation).
local body = unhex("20c003180000100a00002000000186a0000186a0000000000300000a000186a0"
    .. "434f48450000000100000000000000000000000000000000")
local ctx = crypto.hmac_sha256_context("MVPS-shared-secret-deterministic-2026")
local mac = crypto.hmac_sha256_with(ctx, body)
check("hmac MVPS frame, precomputed pads", mac,
    "fb8af46ec409b03c906f4240f427a2693c5ff02f1c8fbbc03ee4088c619f01e5")
check("hmac MVPS frame, truncated tag", mac:sub(1, 12), "fb8af46ec409b03c906f4240")
check("hmac MVPS frame, one-shot equals precomputed",
    crypto.hmac_sha256("MVPS-shared-secret-deterministic-2026", body), hex(mac))
check("hmac 64-byte key (exactly one block, not hashed)",
    crypto.hmac_sha256(string.rep("k", 64), body),
    "f7c6413afe3a0024ac80e84aa1f0e99521c89ee92465394f0ac8d6e3f9325936")

io.stdout:write(string.format("%s: %d/%d checks passed\n",
    failures == 0 and "SELFTEST PASS" or "SELFTEST FAIL", count - failures, count))
io.stdout:flush()
if failures ~= 0 then
    os.exit(1)
end
-- Under plain Lua, exit explicitly with success; under tshark, return and let it continue.
if rawget(_G, "Proto") == nil then
    os.exit(0)
end
