// Reads the matrices bench/solver_bench.cpp writes for the reference solvers
// (bench/run_solver_bench.sh): a dense n x n .npy of int64 ("<i8") or double
// ("<f8"), or a sparse "national" case as CSR in <prefix>.{indptr,indices,data}.npy.
// Only what solver_bench writes is understood (version 1.0 header, C order,
// little-endian); anything else is refused with a message. Shared by the
// stand-alone reference programs in bench/ref/, which are not part of the CMake
// project and may throw (they are native only).
//
// Usage:
//   RefMatrix m;
//   std::string err = readDenseNpy("bench/out/int-1000-1.npy", m);   // or readNationalCsr(prefix, m)
//   if (!err.empty()) die(err);
//   std::vector<std::int64_t> scaled = m.integerScores(&scale);       // exact for int, scaled for float
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

struct RefMatrix {
    int n = 0;
    bool isInt = false;
    bool sparse = false;
    // Dense: n*n row-major values. Sparse: CSR (rowStart has n+1 entries).
    std::vector<std::int64_t> ints;
    std::vector<double> doubles;
    std::vector<std::int64_t> rowStart, column;

    std::size_t entries() const { return isInt ? ints.size() : doubles.size(); }
    double value(std::size_t k) const { return isInt ? static_cast<double>(ints[k]) : doubles[k]; }

    // Integer scores for solvers that need exact arithmetic: the integers as
    // they are; doubles in [0,1) times 2^40, rounded. With that scale an
    // optimum of the rounded problem is within n * 2^-40 of the true optimum
    // (below 2e-8 even for n = 20,000), and sums of n scores stay far inside int64.
    std::vector<std::int64_t> integerScores(double* scale) const {
        if (isInt) {
            *scale = 1.0;
            return ints;
        }
        *scale = 1099511627776.0;  // 2^40
        std::vector<std::int64_t> out(doubles.size());
        for (std::size_t k = 0; k < doubles.size(); ++k) out[k] = std::llround(doubles[k] * *scale);
        return out;
    }
};

namespace npy_detail {

// Reads one .npy; `descr` is "<i8" or "<f8"; `dims` receives the shape.
inline std::string readNpy(const std::string& path, std::string& descr, std::vector<std::int64_t>& dims,
                           std::vector<unsigned char>& data) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return "cannot open " + path;
    unsigned char head[10];
    if (std::fread(head, 1, 10, f) != 10 || std::memcmp(head, "\x93NUMPY", 6) != 0 || head[6] != 1) {
        std::fclose(f);
        return path + ": not a version 1 .npy file";
    }
    const std::size_t headerLen = head[8] | (static_cast<std::size_t>(head[9]) << 8);
    std::string header(headerLen, '\0');
    if (std::fread(&header[0], 1, headerLen, f) != headerLen) {
        std::fclose(f);
        return path + ": short header";
    }
    const auto descrAt = header.find("'descr': '");
    const auto shapeAt = header.find("'shape': (");
    if (descrAt == std::string::npos || shapeAt == std::string::npos ||
        header.find("'fortran_order': False") == std::string::npos) {
        std::fclose(f);
        return path + ": unexpected header " + header;
    }
    descr = header.substr(descrAt + 10, 3);
    dims.clear();
    const char* p = header.c_str() + shapeAt + 10;
    while (*p && *p != ')') {
        char* end = nullptr;
        const long long d = std::strtoll(p, &end, 10);
        if (end == p) break;
        dims.push_back(d);
        p = end;
        while (*p == ',' || *p == ' ') ++p;
    }
    std::size_t count = 1;
    for (std::int64_t d : dims) count *= static_cast<std::size_t>(d);
    data.resize(count * 8);
    const bool ok = (descr == "<i8" || descr == "<f8") && std::fread(data.data(), 1, data.size(), f) == data.size();
    std::fclose(f);
    return ok ? "" : path + ": unsupported type or short data";
}

template <typename T>
std::vector<T> as(const std::vector<unsigned char>& bytes) {
    std::vector<T> v(bytes.size() / sizeof(T));
    std::memcpy(v.data(), bytes.data(), v.size() * sizeof(T));
    return v;
}

}  // namespace npy_detail

// A dense square matrix from `solver_bench gen int|float`.
inline std::string readDenseNpy(const std::string& path, RefMatrix& m) {
    std::string descr;
    std::vector<std::int64_t> dims;
    std::vector<unsigned char> data;
    std::string err = npy_detail::readNpy(path, descr, dims, data);
    if (!err.empty()) return err;
    if (dims.size() != 2 || dims[0] != dims[1]) return path + ": not a square matrix";
    m = RefMatrix{};
    m.n = static_cast<int>(dims[0]);
    m.isInt = descr == "<i8";
    if (m.isInt)
        m.ints = npy_detail::as<std::int64_t>(data);
    else
        m.doubles = npy_detail::as<double>(data);
    return "";
}

// The sparse national case from `solver_bench gen national`: <prefix>.{indptr,indices,data}.npy.
inline std::string readNationalCsr(const std::string& prefix, RefMatrix& m) {
    std::string descr;
    std::vector<std::int64_t> dims;
    std::vector<unsigned char> data;
    m = RefMatrix{};
    m.sparse = true;
    for (const char* part : {"indptr", "indices", "data"}) {
        const std::string path = prefix + "." + part + ".npy";
        std::string err = npy_detail::readNpy(path, descr, dims, data);
        if (!err.empty()) return err;
        if (std::strcmp(part, "indptr") == 0) m.rowStart = npy_detail::as<std::int64_t>(data);
        if (std::strcmp(part, "indices") == 0) m.column = npy_detail::as<std::int64_t>(data);
        if (std::strcmp(part, "data") == 0) {
            if (descr != "<f8") return path + ": expected doubles";
            m.doubles = npy_detail::as<double>(data);
        }
    }
    if (m.rowStart.empty() || m.column.size() != m.doubles.size() ||
        m.rowStart.back() != static_cast<std::int64_t>(m.column.size()))
        return prefix + ": inconsistent CSR arrays";
    m.n = static_cast<int>(m.rowStart.size() - 1);
    return "";
}
