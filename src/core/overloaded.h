// Overloaded: visit a std::variant with one lambda per alternative.
//   std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, value);
#pragma once

namespace welkom {

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace welkom
