#include <vector>
namespace demo {
template <typename T>
class Box {
public:
    explicit Box(T value) : value_(value) {}
    constexpr bool empty() const noexcept { return false; }
private:
    T value_;  // stored
};
}
auto text = R"(raw \n string)";
std::vector<int> xs{1, 2, 3};
