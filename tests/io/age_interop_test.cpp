// Interop with the reference `age` CLI (Debian's 1.1.1), both directions, for
// X25519 and passphrases, binary and armored. Native only: the wasm build
// cannot start processes. Passphrases go through a pseudo-terminal with
// util-linux `script`, since age 1.1.1 reads them only from a terminal; its
// output echoes the passphrase, so it is always discarded.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "io/age.h"

#ifndef __EMSCRIPTEN__
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace welkom {
namespace {

namespace fs = std::filesystem;

#ifndef __EMSCRIPTEN__

int run(const std::string& cmd) {
    const int rc = std::system(cmd.c_str());
    if (rc == -1 || !WIFEXITED(rc)) return -1;
    return WEXITSTATUS(rc);
}

bool cliAvailable() { return run("command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1") == 0; }

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

AgeBytes readBytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return AgeBytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path& p, const AgeBytes& b) {
    std::ofstream out(p, std::ios::binary);
    out.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}

std::string trimmed(const AgeBytes& b) {
    std::string s(b.begin(), b.end());
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

AgeBytes sample(std::size_t n) {
    AgeBytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = static_cast<std::uint8_t>((i * 131 + 7) ^ (i >> 8));
    return b;
}

class AgeInteropTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (!cliAvailable()) GTEST_SKIP() << "the age CLI is not on PATH; interop tests did not run";
        std::string tmpl = (fs::temp_directory_path() / "welkom-age-XXXXXX").string();
        ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
        m_dir = tmpl;
        // An age-keygen identity shared by the X25519 tests.
        ASSERT_EQ(run("age-keygen -o " + quote(path("key.txt")) + " 2>/dev/null"), 0);
        ASSERT_EQ(run("age-keygen -y " + quote(path("key.txt")) + " > " + quote(path("pub.txt"))), 0);
    }
    void TearDown() override {
        std::error_code ec;
        if (!m_dir.empty()) fs::remove_all(m_dir, ec);
    }
    fs::path path(const std::string& name) const { return m_dir / name; }

    std::vector<X25519Identity> cliIdentities() const {
        const AgeBytes text = readBytes(path("key.txt"));
        auto ids = parseAgeIdentityFile(std::string(text.begin(), text.end()));
        EXPECT_TRUE(ids) << (ids ? "" : ids.error().code);
        return ids ? *ids : std::vector<X25519Identity>{};
    }

    // Runs `age` under a pty, typing `pass` + Enter `times` times. Output is discarded (it echoes the passphrase).
    int runWithPassphrase(const std::string& ageArgs, const std::string& pass, int times) const {
        std::string typed;
        for (int i = 0; i < times; ++i) typed += pass + "\n";
        writeBytes(path("typed.txt"), AgeBytes(typed.begin(), typed.end()));
        return run("cat " + quote(path("typed.txt")) + " | script -qec \"age " + ageArgs + "\" /dev/null >/dev/null 2>&1");
    }

    fs::path m_dir;
};

TEST_F(AgeInteropTest, KeysMatchAgeKeygen) {
    auto ids = cliIdentities();
    ASSERT_EQ(ids.size(), 1u);
    EXPECT_EQ(ids[0].recipient().toString(), trimmed(readBytes(path("pub.txt"))));

    // Our identity text, read by age-keygen, gives our recipient.
    auto ours = X25519Identity::generate();
    ASSERT_TRUE(ours);
    const std::string file = "# Welkom test key (fictitious)\n" + ours->toString() + "\n";
    writeBytes(path("ours.txt"), AgeBytes(file.begin(), file.end()));
    ASSERT_EQ(run("age-keygen -y " + quote(path("ours.txt")) + " > " + quote(path("ours.pub"))), 0);
    EXPECT_EQ(trimmed(readBytes(path("ours.pub"))), ours->recipient().toString());
}

TEST_F(AgeInteropTest, CliEncryptsToX25519AndWeDecrypt) {
    AgeDecryptOptions opt;
    opt.identities = cliIdentities();
    const std::string pub = trimmed(readBytes(path("pub.txt")));
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{200000}}) {
        for (bool armor : {false, true}) {
            writeBytes(path("in.bin"), sample(n));
            fs::remove(path("f.age"));
            ASSERT_EQ(run("age -r " + pub + (armor ? " -a" : "") + " -o " + quote(path("f.age")) + " " +
                          quote(path("in.bin"))),
                      0);
            const AgeBytes file = readBytes(path("f.age"));
            EXPECT_EQ(ageLooksArmored(file), armor);
            auto dec = ageDecrypt(file, opt);
            ASSERT_TRUE(dec) << "size " << n << " armor " << armor << ": " << dec.error().code;
            EXPECT_EQ(*dec, sample(n));
        }
    }
}

TEST_F(AgeInteropTest, WeEncryptToX25519AndCliDecrypts) {
    auto recipient = X25519Recipient::parse(trimmed(readBytes(path("pub.txt"))));
    ASSERT_TRUE(recipient);
    auto extra = X25519Identity::generate();  // a second recipient the CLI must skip past
    ASSERT_TRUE(extra);
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{200000}}) {
        for (bool armor : {false, true}) {
            auto enc = ageEncrypt(sample(n), {extra->recipient(), *recipient}, armor);
            ASSERT_TRUE(enc);
            writeBytes(path("f.age"), *enc);
            fs::remove(path("out.bin"));
            ASSERT_EQ(run("age -d -i " + quote(path("key.txt")) + " -o " + quote(path("out.bin")) + " " +
                          quote(path("f.age")) + " 2>/dev/null"),
                      0)
                << "size " << n << " armor " << armor;
            // age 1.1.1 writes no file for an empty plaintext.
            const AgeBytes out = fs::exists(path("out.bin")) ? readBytes(path("out.bin")) : AgeBytes{};
            EXPECT_EQ(out, sample(n));
        }
    }
}

TEST_F(AgeInteropTest, CliEncryptsWithPassphraseAndWeDecrypt) {
    const std::string pw = "fictief-wachtwoord-zonnebloem";
    for (bool armor : {false, true}) {
        const std::size_t n = armor ? 10 : 70000;
        writeBytes(path("in.bin"), sample(n));
        fs::remove(path("f.age"));
        ASSERT_EQ(runWithPassphrase(std::string("-p") + (armor ? " -a" : "") + " -o " + quote(path("f.age")) + " " +
                                        quote(path("in.bin")),
                                    pw, 2),
                  0);
        const AgeBytes file = readBytes(path("f.age"));
        auto dec = ageDecrypt(file, [&] {
            AgeDecryptOptions o;
            o.passphrases = {pw};
            return o;
        }());
        ASSERT_TRUE(dec) << dec.error().code;
        EXPECT_EQ(*dec, sample(n));

        if (!armor) {  // one wrong try is enough; each costs a logN 18 scrypt
            AgeDecryptOptions wrong;
            wrong.passphrases = {pw + "x"};
            auto r = ageDecrypt(file, wrong);
            ASSERT_FALSE(r);
            EXPECT_EQ(ageErrorKind(r.error()), AgeErrorKind::NoMatch);
        }
    }
}

TEST_F(AgeInteropTest, WeEncryptWithPassphraseAndCliDecrypts) {
    const std::string pw = "nog een fictief wachtwoord";
    const struct {
        bool armor;
        int workFactor;
        std::size_t size;
    } cases[] = {{false, kAgeDefaultWorkFactor, 70000}, {true, 12, 200000}, {false, 12, 0}};
    for (const auto& c : cases) {
        auto enc = ageEncryptWithPassphrase(sample(c.size), pw, c.workFactor, c.armor);
        ASSERT_TRUE(enc);
        writeBytes(path("f.age"), *enc);
        fs::remove(path("out.bin"));
        ASSERT_EQ(runWithPassphrase("-d -o " + quote(path("out.bin")) + " " + quote(path("f.age")), pw, 1), 0)
            << "armor " << c.armor << " logN " << c.workFactor;
        const AgeBytes out = fs::exists(path("out.bin")) ? readBytes(path("out.bin")) : AgeBytes{};
        EXPECT_EQ(out, sample(c.size));
    }
    // And the CLI refuses a wrong passphrase on our file, as it should.
    auto enc = ageEncryptWithPassphrase(sample(5), pw, 12);
    ASSERT_TRUE(enc);
    writeBytes(path("f.age"), *enc);
    fs::remove(path("out.bin"));
    EXPECT_NE(runWithPassphrase("-d -o " + quote(path("out.bin")) + " " + quote(path("f.age")), pw + "!", 1), 0);
}

#else  // __EMSCRIPTEN__

TEST(AgeInteropTest, SkippedInWasm) {
    GTEST_SKIP() << "age CLI interop tests run only natively (wasm cannot start processes)";
}

#endif

}  // namespace
}  // namespace welkom
