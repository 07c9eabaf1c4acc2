#include "app/jobs.h"

#include <gtest/gtest.h>

#include "app/text/messages.h"
#include "io/age.h"

namespace welkom {
namespace {

constexpr int kFastWorkFactor = 10;  // tests need no real cost

std::string encryptWithPassphrase(const std::string& plaintext, const std::string& passphrase) {
    EncryptJob job;
    job.plaintext = plaintext;
    job.passphrase = passphrase;
    job.workFactor = kFastWorkFactor;
    auto out = runJob(job);
    EXPECT_TRUE(out) << (out ? "" : out.error().code);
    return out ? *out : std::string();
}

TEST(Jobs, EncryptThenDecryptWithPassphraseThroughTheWireFormat) {
    const std::string plaintext = R"({"format":"welkom-roster","version":1})";
    EncryptJob encrypt{plaintext, "correct horse", "", kFastWorkFactor, false};
    auto request = decodeJobRequest(encodeJobRequest(encrypt));
    ASSERT_TRUE(request);
    const JobOutput encrypted = decodeJobOutput(encodeJobOutput(runJob(std::move(*request))));
    ASSERT_TRUE(encrypted);
    EXPECT_EQ(encrypted->rfind("age-encryption.org/v1\n", 0), 0u);

    std::vector<float> progress;
    auto decrypt = decodeJobRequest(encodeJobRequest(DecryptJob{*encrypted, "correct horse", ""}));
    ASSERT_TRUE(decrypt);
    const JobOutput decrypted =
        decodeJobOutput(encodeJobOutput(runJob(std::move(*decrypt), [&](float f) { progress.push_back(f); })));
    ASSERT_TRUE(decrypted) << decrypted.error().code;
    EXPECT_EQ(*decrypted, plaintext);
    ASSERT_FALSE(progress.empty());
    EXPECT_LT(progress.front(), 0.0f) << "key derivation reports unknown progress first";
    EXPECT_FLOAT_EQ(progress.back(), 1.0f);
}

TEST(Jobs, WrongPassphraseIsNoMatchWithADutchMessage) {
    const std::string file = encryptWithPassphrase("secret roster", "right");
    const JobOutput out = runJob(DecryptJob{file, "wrong", ""});
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().code, "age.no_match");
    const std::string dutch = errorText(out.error(), true);
    EXPECT_FALSE(dutch.empty());
    EXPECT_EQ(dutch.find('['), std::string::npos) << dutch;
    EXPECT_NE(dutch, errorText(out.error(), false));
}

TEST(Jobs, X25519RecipientsAndIdentities) {
    auto identity = X25519Identity::generate();
    ASSERT_TRUE(identity);
    EncryptJob encrypt;
    encrypt.plaintext = "team roster";
    encrypt.recipients = "# coordinators\n" + identity->recipient().toString() + "\n";
    encrypt.armor = true;
    const JobOutput file = runJob(encrypt);
    ASSERT_TRUE(file) << file.error().code;
    EXPECT_EQ(file->rfind("-----BEGIN AGE ENCRYPTED FILE-----", 0), 0u);
    const JobOutput plain = runJob(DecryptJob{*file, "", identity->toString() + "\n"});
    ASSERT_TRUE(plain) << plain.error().code;
    EXPECT_EQ(*plain, "team roster");
}

TEST(Jobs, DamagedWireIsAnErrorNotACrash) {
    const std::string wire = encodeJobRequest(DecryptJob{"file bytes", "pass", ""});
    for (std::size_t cut = 0; cut < wire.size(); ++cut) {
        auto request = decodeJobRequest(wire.substr(0, cut));
        ASSERT_FALSE(request) << "cut at " << cut;
        EXPECT_EQ(request.error().code, "job.wire");
    }
    EXPECT_FALSE(decodeJobRequest(wire + "x")) << "trailing bytes";
    EXPECT_FALSE(decodeJobRequest("Z"));
    const std::string answer = encodeJobOutput(JobOutput(std::string("plaintext")));
    for (std::size_t cut = 0; cut < answer.size(); ++cut) EXPECT_FALSE(decodeJobOutput(answer.substr(0, cut)));
}

TEST(Jobs, ErrorsSurviveTheWire) {
    const JobOutput out = decodeJobOutput(encodeJobOutput(JobOutput(codedError("age.hmac"))));
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().code, "age.hmac");
    EXPECT_TRUE(out.error().args.empty());
}

TEST(Jobs, ErrorsWordedByTheirCodeKeepTheirArgumentsOnTheWire) {
    const Error coded =
        codedError("age.header", {Arg::messageOf(message("age.detail.too_many_stanzas", {Arg::integerOf(64)}))});
    const std::string wire = encodeJobOutput(JobOutput(coded));
    const JobOutput out = decodeJobOutput(wire);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().code, "age.header");
    EXPECT_EQ(out.error().args, coded.args);
    for (std::size_t cut = 0; cut < wire.size(); ++cut) EXPECT_FALSE(decodeJobOutput(wire.substr(0, cut)));
}

TEST(Jobs, WipeSecretClearsTheString) {
    std::string secret = "passphrase";
    wipeSecret(secret);
    EXPECT_TRUE(secret.empty());
}

// A string wiped in place: empty, and the bytes it held (its capacity is kept)
// are zeros, so freeing it afterwards leaves nothing behind.
bool wipedInPlace(const std::string& s, std::size_t held) {
    if (!s.empty() || s.capacity() < held) return false;
    for (std::size_t i = 0; i < held; ++i)
        if (s.data()[i] != '\0') return false;
    return true;
}

TEST(Jobs, WipeJobRequestClearsEverySecretAJobHolds) {
    const std::string passphrase = "zilveren kraanvogel boven Zwolle 7341";
    const std::string personal = std::string(64, 'x') + "Familie Testfictief";
    JobRequest decrypt = DecryptJob{"age-bytes", passphrase, "AGE-SECRET-KEY-1FICTIEF" + std::string(40, 'Q')};
    wipeJobRequest(decrypt);
    EXPECT_TRUE(wipedInPlace(std::get<DecryptJob>(decrypt).passphrase, passphrase.size()));
    EXPECT_TRUE(wipedInPlace(std::get<DecryptJob>(decrypt).identities, 63));

    JobRequest encrypt = EncryptJob{personal, passphrase, {}, 10, false};
    wipeJobRequest(encrypt);
    EXPECT_TRUE(wipedInPlace(std::get<EncryptJob>(encrypt).plaintext, personal.size()));
    EXPECT_TRUE(wipedInPlace(std::get<EncryptJob>(encrypt).passphrase, passphrase.size()));

    JobRequest match = MatchJob{personal, 1, std::nullopt, MatchMode::BestTotal};
    wipeJobRequest(match);
    EXPECT_TRUE(wipedInPlace(std::get<MatchJob>(match).roster, personal.size()));

    JobRequest signups = SignupPreviewJob{personal, {{"a.age", personal}}};
    wipeJobRequest(signups);
    EXPECT_TRUE(wipedInPlace(std::get<SignupPreviewJob>(signups).roster, personal.size()));
    EXPECT_TRUE(wipedInPlace(std::get<SignupPreviewJob>(signups).files[0].second, personal.size()));

    JobRequest sheet = SheetPreviewJob{personal, personal};
    wipeJobRequest(sheet);
    EXPECT_TRUE(wipedInPlace(std::get<SheetPreviewJob>(sheet).roster, personal.size()));
    EXPECT_TRUE(wipedInPlace(std::get<SheetPreviewJob>(sheet).request, personal.size()));
}

}  // namespace
}  // namespace welkom

namespace welkom {
namespace {

TEST(MaskedSecret, KeepsThePassphraseOnlyMaskedAndGivesItBack) {
    MaskedSecret secret;
    EXPECT_TRUE(secret.empty());
    secret.set("fiets boom water zon");
    EXPECT_FALSE(secret.empty());
    std::string plain = secret.reveal();
    EXPECT_EQ(plain, "fiets boom water zon");
    wipeSecret(plain);
    const MaskedSecret copy = secret;
    EXPECT_TRUE(copy == "fiets boom water zon");
    secret.wipe();
    EXPECT_TRUE(secret.empty());
    EXPECT_TRUE(copy == "fiets boom water zon") << "copies are independent";
}

}  // namespace
}  // namespace welkom
