#include "mini_json.h"

#include <cstdlib>
#include <stdexcept>

namespace smp::test {
namespace {

class Parser {
public:
    explicit Parser(const std::string& text) : s_(text) {}

    Json document() {
        Json value = parse();
        skipSpace();
        if (pos_ != s_.size()) fail("trailing characters");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(pos_));
    }
    void skipSpace() {
        while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
    }
    bool take(char c) {
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!take(c)) fail(std::string("expected '") + c + "'");
    }
    bool word(const char* w) {
        const std::string text(w);
        if (s_.compare(pos_, text.size(), text) != 0) return false;
        pos_ += text.size();
        return true;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (pos_ < s_.size() && s_[pos_] != '"') {
            char c = s_[pos_++];
            if (c == '\\' && pos_ < s_.size()) {
                const char e = s_[pos_++];
                c = e == 'n' ? '\n' : e == 't' ? '\t' : e;  // \" \\ \/ and the common ones
            }
            out += c;
        }
        if (pos_ >= s_.size()) fail("unterminated string");
        ++pos_;
        return out;
    }
    Json parse() {
        skipSpace();
        if (pos_ >= s_.size()) fail("unexpected end");
        Json v;
        const char c = s_[pos_];
        if (c == '{') {
            ++pos_;
            v.kind = Json::Kind::Object;
            if (take('}')) return v;
            do {
                skipSpace();
                std::string key = string();
                expect(':');
                v.fields[key] = parse();
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            ++pos_;
            v.kind = Json::Kind::Array;
            if (take(']')) return v;
            do v.items.push_back(parse());
            while (take(','));
            expect(']');
        } else if (c == '"') {
            v.kind = Json::Kind::String;
            v.text = string();
        } else if (word("true") || word("false")) {
            v.kind = Json::Kind::Bool;
            v.boolean = s_[pos_ - 1] == 'e' && s_[pos_ - 2] == 'u';
        } else if (word("null")) {
            v.kind = Json::Kind::Null;
        } else {
            char* end = nullptr;
            v.kind = Json::Kind::Number;
            v.number = std::strtod(s_.c_str() + pos_, &end);
            if (end == s_.c_str() + pos_) fail("unexpected character");
            pos_ = static_cast<std::size_t>(end - s_.c_str());
        }
        return v;
    }

    const std::string& s_;
    std::size_t pos_ = 0;
};

const Json& nullJson() {
    static const Json null;
    return null;
}

}  // namespace

const Json& Json::operator[](const std::string& key) const {
    const auto it = fields.find(key);
    return it == fields.end() ? nullJson() : it->second;
}

const Json& Json::operator[](std::size_t index) const { return index < items.size() ? items[index] : nullJson(); }

Json parseJson(const std::string& text) { return Parser(text).document(); }

}  // namespace smp::test
