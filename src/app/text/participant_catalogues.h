// The messages in the participants' languages (Arabic, Ukrainian, Farsi/Dari,
// Tigrinya: src/app/text/catalogue/ besides en.txt and nl.txt). The
// interface speaks English and Dutch, so only what calls this links them: the
// sign-up page (installSignupTexts), the tests. The app's page stays ~40 kB
// (gzip) lighter.
#pragma once

namespace welkom {

// Adds them to findCatalogue / catalogueLanguages; once is enough, more is harmless.
void registerParticipantCatalogues();

}  // namespace welkom
