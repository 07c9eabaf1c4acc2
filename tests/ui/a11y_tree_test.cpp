// The accessibility mirror's tree: roles, names, states and values of what the
// workspace draws, only changes sent, and requests from the page acted on.
#include "ui/a11y_tree.h"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "app/matching_session.h"
#include "app/presentation.h"
#include "io/age.h"
#include "ui/ui_test_context.h"
#include "ui/workspace.h"

namespace welkom {
namespace {

const a11y::Node* findNode(const std::string& role, const std::string& name) {
    for (const a11y::Node& node : a11y::lastTree())
        if (node.role == role && node.name == name) return &node;
    return nullptr;
}

int countRole(const std::string& role) {
    const auto& tree = a11y::lastTree();
    return static_cast<int>(std::count_if(tree.begin(), tree.end(), [&](const a11y::Node& n) { return n.role == role; }));
}

struct Fixture;
void pressKey(Fixture& f, ImGuiKey key);

struct Fixture {
    HeadlessImGui imgui;
    Workspace workspace;
    AppState state;
    std::string lastJson;

    explicit Fixture(Language language = Language::English) {
        state.ui.language = language;
        a11y::resetMirror();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) {
            CommandQueue commands;
            a11y::beforeNewFrame();
            imgui.frame([&] {
                a11y::afterNewFrame();
                workspace.draw(state, commands);
            });
            lastJson = a11y::buildFrame(languageCode(state.ui.language));
            applyCommands(state, commands);
        }
    }
};

TEST(A11yTree, StartScreenHasNamedButtonsAndAMenuBar) {
    Fixture f;
    f.frames(3);
    EXPECT_TRUE(findNode("button", "Try with fictitious people"));
    EXPECT_TRUE(findNode("menubar", ""));
    EXPECT_TRUE(findNode("menuitem", "File"));
    const a11y::Node* file = findNode("menuitem", "File");
    ASSERT_TRUE(file);
    EXPECT_TRUE(file->states & a11y::kHasPopup);
    EXPECT_GT(file->w, 0.0f);
}

TEST(A11yTree, OnlyChangesAreSentAndAStillFrameSendsNothing) {
    Fixture f;
    f.frames(1);
    EXPECT_NE(f.lastJson.find("Try with fictitious people"), std::string::npos);
    EXPECT_NE(f.lastJson.find("\"lang\":\"en\""), std::string::npos);
    f.frames(2);
    EXPECT_EQ(f.lastJson, "") << "nothing changed on screen, nothing to send";
}

TEST(A11yTree, MatchingPanelHasTabsRadiosSlidersAndTheProposalGrid) {
    Fixture f;
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, ShowPanel{"matching"});
    f.frames(2);
    const a11y::Node* tab = findNode("tab", "Matching");
    ASSERT_TRUE(tab);
    EXPECT_TRUE(tab->states & a11y::kSelected);
    EXPECT_FALSE(findNode("tab", "Households")->states & a11y::kSelected);
    EXPECT_TRUE(findNode("tabpanel", "Matching"));
    const a11y::Node* slider = findNode("slider", "Shared interests");
    ASSERT_TRUE(slider);
    EXPECT_EQ(slider->min, 0.0f);
    EXPECT_EQ(slider->max, 3.0f);
    EXPECT_EQ(slider->value, "1.0");
    EXPECT_FALSE(slider->description.empty()) << "the tooltip is the slider's description";
    EXPECT_EQ(countRole("radio"), 3);
    EXPECT_TRUE(findNode("button", "Run matching"));

    // A run fills the proposal grid: column headers and named cells.
    f.state.matchingRun = runMatching(f.state.document->roster, f.state.matchMode);
    f.state.matchingRun->revision = f.state.editRevision;
    f.frames(2);
    EXPECT_TRUE(findNode("grid", ""));
    EXPECT_TRUE(findNode("columnheader", "Household"));
    EXPECT_TRUE(findNode("columnheader", "Score"));
    int cells = 0;
    for (const a11y::Node& node : a11y::lastTree()) {
        if (node.role != "gridcell") continue;
        ++cells;
        // Named by its text, or by the control it holds (the pair's button).
        const auto& tree = a11y::lastTree();
        const bool holdsControl = std::any_of(tree.begin(), tree.end(), [&](const a11y::Node& child) {
            return child.parent == node.id && !child.name.empty();
        });
        EXPECT_TRUE(!node.name.empty() || holdsControl) << "gridcell " << node.id << " has no text";
    }
    EXPECT_GT(cells, 10);
}

TEST(A11yTree, NamesFollowTheLanguage) {
    Fixture f(Language::Dutch);
    f.frames(2);
    EXPECT_NE(f.lastJson.find("\"lang\":\"nl\""), std::string::npos);
    EXPECT_FALSE(findNode("button", "Try with fictitious people"));
    EXPECT_TRUE(findNode("menuitem", "Bestand"));
}

TEST(A11yTree, ActivatingANodePressesTheButton) {
    Fixture f;
    f.frames(2);
    const a11y::Node* demo = findNode("button", "Try with fictitious people");
    ASSERT_TRUE(demo);
    a11y::requestActivate(demo->id);
    f.frames(3);
    ASSERT_TRUE(f.state.document.has_value());
    EXPECT_TRUE(f.state.document->roster.isDemo);
}

// The demo's check-ins panel with its match chooser (a combo box) on screen.
const a11y::Node* openCheckInsMatchChooser(Fixture& f) {
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, ShowPanel{"outcomes"});
    f.frames(2);
    for (const a11y::Node& node : a11y::lastTree())
        if (node.role == "combobox" && node.name.rfind("Match: ", 0) == 0) return &node;
    return nullptr;
}

// Combo boxes tell ImGui's hooks no label: beginCombo() names them, says
// their value, and activating one opens its list of choices: WAI-ARIA's
// combobox with a listbox of options, the current one selected.
TEST(A11yTree, AComboBoxIsANamedComboboxThatOpensAListboxOfOptions) {
    Fixture f;
    const a11y::Node* combo = openCheckInsMatchChooser(f);
    ASSERT_TRUE(combo) << "the check-ins panel's match chooser";
    EXPECT_TRUE(combo->states & a11y::kHasPopup);
    EXPECT_FALSE(combo->states & a11y::kExpanded);
    const unsigned id = combo->id;
    const std::string value = combo->name.substr(std::string("Match: ").size());
    EXPECT_EQ(countRole("listbox"), 0);
    EXPECT_EQ(countRole("option"), 0);
    a11y::requestActivate(id);
    f.frames(3);
    const auto opened = std::find_if(a11y::lastTree().begin(), a11y::lastTree().end(),
                                     [&](const a11y::Node& n) { return n.id == id; });
    ASSERT_NE(opened, a11y::lastTree().end());
    EXPECT_TRUE(opened->states & a11y::kExpanded) << "open after activation";
    const a11y::Node* list = findNode("listbox", "Match");
    ASSERT_TRUE(list) << "its popup is a listbox named like it";
    EXPECT_EQ(value, "-") << "no match chosen yet";
    std::vector<const a11y::Node*> options;
    for (const a11y::Node& n : a11y::lastTree()) {
        if (n.role != "option") continue;
        EXPECT_EQ(n.parent, list->id) << n.name;
        EXPECT_FALSE(n.states & a11y::kSelected) << "none chosen: " << n.name;
        options.push_back(&n);
    }
    ASSERT_GT(options.size(), 1u) << "its choices are options";

    // Choose the second; opened again, that option is the selected one.
    const std::string chosen = options[1]->name;
    a11y::requestActivate(options[1]->id);
    f.frames(3);
    ASSERT_TRUE(findNode("combobox", "Match: " + chosen));
    EXPECT_FALSE(findNode("listbox", "Match")) << "closed after the choice";
    a11y::requestActivate(findNode("combobox", "Match: " + chosen)->id);
    f.frames(3);
    int selected = 0;
    for (const a11y::Node& n : a11y::lastTree()) {
        if (n.role != "option" || !(n.states & a11y::kSelected)) continue;
        ++selected;
        EXPECT_EQ(n.name, chosen);
    }
    EXPECT_EQ(selected, 1);
}

// The arrow keys on a closed combo box open its list and keep the focus on it.
TEST(A11yTree, DownArrowOnAClosedComboBoxOpensItsList) {
    Fixture f;
    const a11y::Node* combo = openCheckInsMatchChooser(f);
    ASSERT_TRUE(combo);
    const unsigned id = combo->id;
    a11y::requestFocus(id);
    f.frames(3);
    ASSERT_EQ(GImGui->NavId, id) << "the combo box has the focus";
    EXPECT_FALSE(findNode("listbox", "Match"));
    pressKey(f, ImGuiKey_DownArrow);
    EXPECT_TRUE(findNode("listbox", "Match")) << "Down opened the list";
}

TEST(A11yTree, TheMirrorSetsASliderAsOneUndoStep) {
    Fixture f;
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, ShowPanel{"matching"});
    f.frames(2);
    const a11y::Node* slider = findNode("slider", "Age");
    ASSERT_TRUE(slider);
    a11y::requestValue(slider->id, 2.5);
    f.frames(2);
    EXPECT_EQ(findNode("slider", "Age")->value, "2.5");
    EXPECT_TRUE(f.state.history.canUndo());
}

// The households and groups tables are grids too: headers, and every cell
// that shows, by its text (not only the first, selectable one).
TEST(A11yTree, RecordTablesAreGridsWithEveryCellNamed) {
    for (const char* panel : {"households", "groups"}) {
        Fixture f;
        applyCommand(f.state, StartDemo{});
        applyCommand(f.state, ShowPanel{panel});
        f.frames(3);
        EXPECT_TRUE(findNode("grid", "")) << panel;
        EXPECT_TRUE(findNode("columnheader", "Municipality")) << panel;
        const std::string& municipality = f.state.document->roster.households.front().municipality;
        int cells = 0, municipalities = 0;
        for (const a11y::Node& node : a11y::lastTree()) {
            if (node.role != "gridcell") continue;
            ++cells;
            municipalities += node.name == municipality;
        }
        EXPECT_GT(cells, 30) << panel;
        EXPECT_GT(municipalities, 0) << panel << ": the municipality column's cells";
    }
}

// The presentation's what-if slider has no visible label of its own: it
// finishes the sentence "What if this counts: <criterion>", and is named so.
TEST(A11yTree, TheWhatIfSliderIsNamedBySentenceAndSettable) {
    Fixture f;
    applyCommand(f.state, SetPresentationMode{true});
    applyCommand(f.state, StartDemo{});
    runJobsInline(f.state);  // the base run, as the page's worker computes it
    applyCommand(f.state, SkipBuildUp{});
    applyCommand(f.state, SetWhatIfWeight{Criterion::Language, 1.0});
    f.frames(3);
    const a11y::Node* slider = findNode("slider", "What if this counts: Language bridge");
    ASSERT_TRUE(slider);
    EXPECT_EQ(slider->max, 3.0f);
    a11y::requestValue(slider->id, 2.5);
    f.frames(3);
    EXPECT_EQ(f.state.presentation.whatIfWeight, 2.5);
    EXPECT_EQ(findNode("slider", "What if this counts: Language bridge")->value, "2.5");
}

TEST(A11yTree, FocusRequestMovesImGuiNavigationAndIsReportedBack) {
    Fixture f;
    f.frames(2);
    const a11y::Node* open = findNode("button", "Open a roster file...");
    ASSERT_TRUE(open);
    const unsigned openId = open->id;  // the node list is rebuilt each frame
    a11y::requestFocus(openId);
    f.frames(2);
    EXPECT_EQ(ImGui::GetFocusID(), openId);
}

TEST(A11yTree, TextTypedInThePageReachesTheField) {
    Fixture f;
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, ShowPanel{"programme"});
    f.frames(2);
    const a11y::Node* field = findNode("textbox", "Programme name");
    ASSERT_TRUE(field);
    const unsigned id = field->id;
    a11y::requestFocus(id);
    a11y::requestActivate(id);
    a11y::requestText(id, "Samen Hier Zuid");
    f.frames(4);
    const a11y::Node* after = findNode("textbox", "Programme name");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->value, "Samen Hier Zuid");
}

// A new programme, then `csv` dropped on it: its review is on screen.
void openSheetReview(Fixture& f, const char* csv) {
    applyCommand(f.state, NewProgramme{"Voorbeeldstad"});
    applyCommand(f.state, OpenFile{"oud.csv", csv});
    runJobsInline(f.state);
    f.frames(3);
}

// The review of a spreadsheet (issue #15): a modal dialog with the sheet as a
// grid whose cells say their problem, a named choice per column, and a chosen
// cell corrected by typing and "Use this value", all without a pointer.
TEST(A11yTree, TheSpreadsheetReviewIsAModalGridWithEachProblemOnItsCell) {
    Fixture f;
    openSheetReview(f, "naam,gemeente,volwassene1_leeftijd\nFamilie Oud,Rotterdam,veertig\n");
    const a11y::Node* dialog = findNode("dialog", "Import a spreadsheet");
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->states & a11y::kModal);
    const a11y::Node* bad = nullptr;
    for (const a11y::Node& node : a11y::lastTree())
        if (node.role == "gridcell" && node.name.rfind("C2: veertig (", 0) == 0) bad = &node;
    ASSERT_TRUE(bad) << "the cell names its text and its problem";
    EXPECT_NE(bad->name.find("not an age"), std::string::npos) << bad->name;
    EXPECT_TRUE(findNode("gridcell", "A2: Familie Oud"));
    const a11y::Node* column = findNode("combobox", "Column C \"volwassene1_leeftijd\" taken as: adult1_age");
    ASSERT_TRUE(column) << "each column's field is a named choice";
    EXPECT_TRUE(column->states & a11y::kHasPopup);
    EXPECT_TRUE(findNode("button", "Import")->states & a11y::kDisabled) << "errors block the import";

    const a11y::Node* cell = findNode("button", "! veertig");
    ASSERT_TRUE(cell) << "the cell can be chosen";
    a11y::requestActivate(cell->id);
    f.frames(3);
    const a11y::Node* value = findNode("textbox", "Value");
    ASSERT_TRUE(value);
    EXPECT_EQ(value->value, "veertig");
    const unsigned valueId = value->id;
    a11y::requestFocus(valueId);
    a11y::requestActivate(valueId);
    a11y::requestText(valueId, "40");
    f.frames(3);
    a11y::requestActivate(findNode("button", "Use this value")->id);
    f.frames(2);
    runJobsInline(f.state);
    f.frames(3);
    const a11y::Node* import = findNode("button", "Import");
    ASSERT_TRUE(import);
    EXPECT_FALSE(import->states & a11y::kDisabled);
    EXPECT_TRUE(findNode("gridcell", "C2: 40"));
    a11y::requestActivate(import->id);
    f.frames(3);
    ASSERT_EQ(f.state.document->roster.households.size(), 1u);
    EXPECT_EQ(f.state.document->roster.households[0].members[0].age, 40);
    EXPECT_FALSE(findNode("dialog", "Import a spreadsheet"));
}

// A key held for one frame, then released (ImGui 1.86 samples keys per frame).
void pressKey(Fixture& f, ImGuiKey key) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[io.KeyMap[key]] = true;
    f.frames(1);
    io.KeysDown[io.KeyMap[key]] = false;
    f.frames(2);
}

// Escape closes what is open on top first: an open column choice, then the review.
TEST(A11yTree, EscapeInTheSpreadsheetReviewClosesAnOpenChoiceBeforeTheReview) {
    Fixture f;
    openSheetReview(f, "naam,gemeente,volwassene1_leeftijd\nFamilie Oud,Rotterdam,40\n");
    // The row kind's radios carry the question as their description.
    const a11y::Node* household = findNode("radio", "a household");
    ASSERT_TRUE(household);
    EXPECT_EQ(household->description, "Each row is:");
    EXPECT_TRUE(household->states & a11y::kChecked);
    EXPECT_EQ(findNode("radio", "a member of a welcome group")->description, "Each row is:");

    const a11y::Node* column = findNode("combobox", "Column A \"naam\" taken as: name");
    ASSERT_TRUE(column);
    a11y::requestActivate(column->id);
    f.frames(3);
    column = findNode("combobox", "Column A \"naam\" taken as: name");
    ASSERT_TRUE(column);
    ASSERT_TRUE(column->states & a11y::kExpanded) << "the choice is open";
    pressKey(f, ImGuiKey_Escape);
    ASSERT_TRUE(f.state.sheetImport) << "Escape closed the choice, not the review";
    column = findNode("combobox", "Column A \"naam\" taken as: name");
    ASSERT_TRUE(column);
    EXPECT_FALSE(column->states & a11y::kExpanded);
    pressKey(f, ImGuiKey_Escape);
    EXPECT_FALSE(f.state.sheetImport) << "a second Escape closes the review";
    EXPECT_FALSE(findNode("dialog", "Import a spreadsheet"));
}

// The sign-up forms' QR codes are pictures with a text alternative: which
// form's link they hold, and the link itself as their description (issue #16).
TEST(A11yTree, EachSignupQrCodeIsAPictureNamedByItsFormAndDescribedByItsLink) {
    Fixture f;
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, SetUtcTime{"2027-03-01T10:15:00Z"});  // the key's creation time
    applyCommand(f.state, CreateProgrammeKey{});
    ASSERT_EQ(f.state.document->roster.signup.keys.size(), 1u)
        << (f.state.errors.empty() ? "" : f.state.errors.back().code);
    f.frames(3);
    a11y::requestActivate(findNode("menuitem", "File")->id);
    f.frames(3);
    const a11y::Node* open = findNode("menuitem", "Sign-up forms...");
    ASSERT_TRUE(open);
    // A mouse click on the menu item, as a sighted coordinator opens it.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(open->x + open->w / 2, open->y + open->h / 2);
    f.frames(1);
    io.MouseDown[0] = true;
    f.frames(1);
    io.MouseDown[0] = false;
    f.frames(4);
    const a11y::Node* household = findNode("img", "QR code of the link: Household form");
    const a11y::Node* member = findNode("img", "QR code of the link: Group member form");
    ASSERT_TRUE(household);
    ASSERT_TRUE(member);
    const a11y::Node* link = findNode("textbox", "Link");
    ASSERT_TRUE(link);
    EXPECT_EQ(household->description, link->value) << "described by the link it holds";
    EXPECT_NE(household->description.find("#"), std::string::npos) << household->description;
    EXPECT_NE(member->description, household->description);
}

// Team keys (issue #14, item 7) by screen reader alone: File > Team keys...,
// a colleague's name and key typed into the named fields, Add key; the
// window's "x" is a button named after the window, and Escape closes it too.
TEST(A11yTree, TheTeamKeysWindowWorksByScreenReaderAndClosesByItsNamedButtonOrEscape) {
    Fixture f;
    applyCommand(f.state, StartDemo{});
    const auto openTeamKeys = [&] {
        f.frames(3);
        a11y::requestActivate(findNode("menuitem", "File")->id);
        f.frames(3);
        const a11y::Node* item = findNode("menuitem", "Team keys...");
        ASSERT_TRUE(item);
        a11y::requestActivate(item->id);
        f.frames(4);
    };
    const auto type = [&](const char* field, const std::string& text) {
        const a11y::Node* node = findNode("textbox", field);
        ASSERT_TRUE(node) << field;
        a11y::requestFocus(node->id);
        a11y::requestActivate(node->id);
        a11y::requestText(node->id, text);
        f.frames(4);
    };
    openTeamKeys();
    ASSERT_TRUE(findNode("button", "Add key"));
    const std::string key = X25519Identity::generate()->recipient().toString();
    type("Colleague's name", "Bram");
    type("Public key (age1...)", key);
    a11y::requestActivate(findNode("button", "Add key")->id);
    f.frames(4);
    ASSERT_EQ(f.state.document->roster.team.keys.size(), 1u) << (f.state.errors.empty() ? "" : f.state.errors.back().code);
    EXPECT_EQ(f.state.document->roster.team.keys[0].name, "Bram");
    EXPECT_EQ(f.state.document->roster.team.keys[0].publicKey, key);
    EXPECT_TRUE(findNode("button", "Remove: Bram"));
    EXPECT_TRUE(findNode("button", "Save to these keys"));

    const a11y::Node* close = findNode("button", "Close: Team keys");
    ASSERT_TRUE(close) << "the window's x has a name";
    a11y::requestActivate(close->id);
    f.frames(4);
    EXPECT_FALSE(findNode("button", "Add key")) << "closed by its button";

    openTeamKeys();
    ASSERT_TRUE(findNode("button", "Add key"));
    pressKey(f, ImGuiKey_Escape);
    EXPECT_FALSE(findNode("button", "Add key")) << "closed by Escape";
}

// A screen that is mostly new (the proposal grid of a run on 300 x 300)
// reaches the page over a few frames, at most 24 new elements a frame and
// parents first, until the page holds exactly the tree (issue #16, item 7).
TEST(A11yTree, AMostlyNewScreenReachesThePageAFewElementsAFrameParentsFirst) {
    Fixture f;
    f.state.ui.demoSize = 300;
    applyCommand(f.state, StartDemo{});
    applyCommand(f.state, ShowPanel{"matching"});
    std::set<unsigned> page;  // the page's elements, as the ops build them
    int framesWithChanges = 0;
    std::size_t mostNewInAFrame = 0;
    const auto applyOps = [&] {
        if (f.lastJson.empty()) return;
        ++framesWithChanges;
        std::size_t created = 0;
        const nlohmann::json frame = nlohmann::json::parse(f.lastJson);
        for (const auto& op : frame["ops"]) {
            const unsigned id = op[1].get<unsigned>();
            if (op[0] == "d") page.erase(id);
            if (op[0] != "n" || page.count(id)) continue;
            const auto& tree = a11y::lastTree();
            const auto node = std::find_if(tree.begin(), tree.end(), [&](const a11y::Node& n) { return n.id == id; });
            ASSERT_NE(node, tree.end());
            EXPECT_TRUE(node->parent == 0 || page.count(node->parent)) << "parent first: " << node->role;
            page.insert(id);
            ++created;
        }
        mostNewInAFrame = std::max(mostNewInAFrame, created);
    };
    for (int i = 0; i < 4; ++i) {
        f.frames(1);
        applyOps();
    }
    f.state.matchingRun = runMatching(f.state.document->roster, f.state.matchMode);
    f.state.matchingRun->revision = f.state.editRevision;
    framesWithChanges = 0;
    for (int i = 0; i < 40; ++i) {
        f.frames(1);
        applyOps();
    }
    std::set<unsigned> tree;
    for (const a11y::Node& node : a11y::lastTree()) tree.insert(node.id);
    EXPECT_GT(tree.size(), 200u) << "the grid is large";
    EXPECT_EQ(page, tree) << "in the end the page holds the whole tree";
    EXPECT_LE(mostNewInAFrame, 24u);
    EXPECT_GE(framesWithChanges, 5) << "spread over frames";
    EXPECT_TRUE(f.lastJson.empty()) << "and then a still screen sends nothing";
}

// A roster saved to team keys asks for a key in the passphrase dialog, a
// password field named "Secret key"; a key file dropped on it opens the
// roster and the dialog (a modal, which would block every click) is gone.
TEST(A11yTree, AKeyFileDroppedOnTheKeyPromptClosesTheModalDialog) {
    Fixture f;
    f.state.session.workFactor = 10;
    applyCommand(f.state, StartDemo{});
    const X25519Identity anna = *X25519Identity::generate();
    applyCommand(f.state, AddTeamKey{"Anna", anna.recipient().toString()});
    applyCommand(f.state, SaveToTeamKeys{});
    runJobsInline(f.state);
    ASSERT_EQ(f.state.filesToSave.size(), 1u);
    const std::string file = f.state.filesToSave[0].bytes;
    applyCommand(f.state, CloseRoster{});
    applyCommand(f.state, OpenFile{"team.welkom.age", file});
    f.frames(3);
    const a11y::Node* secret = findNode("textbox", "Secret key");
    ASSERT_TRUE(secret);
    EXPECT_TRUE(secret->states & a11y::kPassword);
    EXPECT_EQ(GImGui->OpenPopupStack.Size, 1);
    applyCommand(f.state, OpenFile{"welkom-team-key.txt", anna.toString() + "\n"});
    runJobsInline(f.state);
    f.frames(3);
    ASSERT_TRUE(f.state.document);
    EXPECT_EQ(GImGui->OpenPopupStack.Size, 0) << "no modal left open";
    EXPECT_FALSE(findNode("textbox", "Secret key"));
}

}  // namespace
}  // namespace welkom
