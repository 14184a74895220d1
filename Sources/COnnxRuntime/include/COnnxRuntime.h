#ifndef CONNXRUNTIME_H
#define CONNXRUNTIME_H

#include <stddef.h>
#include <stdint.h>

/// The project's own declarations of ONNX Runtime's C API (no header ships with the PyPI wheel).
///
/// `OrtApi` is a table of function pointers whose order never changes between releases (entries
/// are only appended), so only the entries the project calls are named here, each at its fixed
/// position, with padding in between; `shim.c` pins every position with `_Static_assert`.
/// Every entry used dates from API version 1, so any library from 1.16 on accepts the table
/// version requested (`SG_ORT_API_VERSION`).

#define SG_ORT_API_VERSION 1u

typedef struct OrtEnv OrtEnv;
typedef struct OrtStatus OrtStatus;
typedef struct OrtMemoryInfo OrtMemoryInfo;
typedef struct OrtSession OrtSession;
typedef struct OrtValue OrtValue;
typedef struct OrtRunOptions OrtRunOptions;
typedef struct OrtTypeInfo OrtTypeInfo;
typedef struct OrtTensorTypeAndShapeInfo OrtTensorTypeAndShapeInfo;
typedef struct OrtSessionOptions OrtSessionOptions;
typedef struct OrtAllocator OrtAllocator;

/// `OrtLoggingLevel`.
enum {
    SG_ORT_LOGGING_LEVEL_VERBOSE = 0,
    SG_ORT_LOGGING_LEVEL_INFO = 1,
    SG_ORT_LOGGING_LEVEL_WARNING = 2,
    SG_ORT_LOGGING_LEVEL_ERROR = 3,
    SG_ORT_LOGGING_LEVEL_FATAL = 4,
};

/// `GraphOptimizationLevel`.
enum {
    SG_ORT_DISABLE_ALL = 0,
    SG_ORT_ENABLE_BASIC = 1,
    SG_ORT_ENABLE_EXTENDED = 2,
    SG_ORT_ENABLE_ALL = 99,
};

/// `OrtAllocatorType` and `OrtMemType`.
enum {
    SG_ORT_DEVICE_ALLOCATOR = 0,
    SG_ORT_ARENA_ALLOCATOR = 1,
    SG_ORT_MEM_TYPE_DEFAULT = 0,
};

/// `ONNXTensorElementDataType` (the values the project reads or writes).
enum {
    SG_ORT_TENSOR_FLOAT = 1,
    SG_ORT_TENSOR_INT32 = 6,
    SG_ORT_TENSOR_INT64 = 7,
};

/// `OrtErrorCode` (the values the project maps to its own errors).
enum {
    SG_ORT_OK = 0,
    SG_ORT_FAIL = 1,
    SG_ORT_INVALID_ARGUMENT = 2,
    SG_ORT_NO_SUCHFILE = 3,
    SG_ORT_NO_MODEL = 4,
    SG_ORT_INVALID_PROTOBUF = 7,
    SG_ORT_INVALID_GRAPH = 10,
};

#define SG_ORT_RELEASE(T) void (*_Nonnull Release##T)(T *_Nullable input)

/// The entries of `OrtApi` the project calls, at their fixed positions (0-based, in comments).
typedef struct SGOrtApi {
    void *_Nullable _pad0[1];                                                          // 0
    int (*_Nonnull GetErrorCode)(const OrtStatus *_Nonnull status);                    // 1
    const char *_Nonnull (*_Nonnull GetErrorMessage)(const OrtStatus *_Nonnull status); // 2
    OrtStatus *_Nullable (*_Nonnull CreateEnv)(int logSeverityLevel, const char *_Nonnull logId,
                             OrtEnv *_Nullable *_Nonnull out);                         // 3
    void *_Nullable _pad4[2];                                                          // 4..5
    OrtStatus *_Nullable (*_Nonnull DisableTelemetryEvents)(const OrtEnv *_Nonnull env); // 6
    OrtStatus *_Nullable (*_Nonnull CreateSession)(const OrtEnv *_Nonnull env, const char *_Nonnull modelPath,
                                 const OrtSessionOptions *_Nonnull options,
                                 OrtSession *_Nullable *_Nonnull out);                 // 7
    void *_Nullable _pad8[1];                                                          // 8
    OrtStatus *_Nullable (*_Nonnull Run)(OrtSession *_Nonnull session, const OrtRunOptions *_Nullable runOptions,
                       const char *_Nonnull const *_Nonnull inputNames,
                       const OrtValue *_Nullable const *_Nonnull inputs, size_t inputCount,
                       const char *_Nonnull const *_Nonnull outputNames, size_t outputCount,
                       OrtValue *_Nullable *_Nonnull outputs);                         // 9
    OrtStatus *_Nullable (*_Nonnull CreateSessionOptions)(OrtSessionOptions *_Nullable *_Nonnull out);   // 10
    void *_Nullable _pad11[12];                                                        // 11..22
    OrtStatus *_Nullable (*_Nonnull SetSessionGraphOptimizationLevel)(OrtSessionOptions *_Nonnull options,
                                                    int level);                        // 23
    OrtStatus *_Nullable (*_Nonnull SetIntraOpNumThreads)(OrtSessionOptions *_Nonnull options, int count); // 24
    OrtStatus *_Nullable (*_Nonnull SetInterOpNumThreads)(OrtSessionOptions *_Nonnull options, int count); // 25
    void *_Nullable _pad26[4];                                                         // 26..29
    OrtStatus *_Nullable (*_Nonnull SessionGetInputCount)(const OrtSession *_Nonnull session,
                                        size_t *_Nonnull out);                         // 30
    OrtStatus *_Nullable (*_Nonnull SessionGetOutputCount)(const OrtSession *_Nonnull session,
                                         size_t *_Nonnull out);                        // 31
    void *_Nullable _pad32[1];                                                         // 32
    OrtStatus *_Nullable (*_Nonnull SessionGetInputTypeInfo)(const OrtSession *_Nonnull session, size_t index,
                                           OrtTypeInfo *_Nullable *_Nonnull out);      // 33
    OrtStatus *_Nullable (*_Nonnull SessionGetOutputTypeInfo)(const OrtSession *_Nonnull session, size_t index,
                                            OrtTypeInfo *_Nullable *_Nonnull out);     // 34
    void *_Nullable _pad35[1];                                                         // 35
    OrtStatus *_Nullable (*_Nonnull SessionGetInputName)(const OrtSession *_Nonnull session, size_t index,
                                       OrtAllocator *_Nonnull allocator,
                                       char *_Nullable *_Nonnull out);                 // 36
    OrtStatus *_Nullable (*_Nonnull SessionGetOutputName)(const OrtSession *_Nonnull session, size_t index,
                                        OrtAllocator *_Nonnull allocator,
                                        char *_Nullable *_Nonnull out);                // 37
    void *_Nullable _pad38[11];                                                        // 38..48
    OrtStatus *_Nullable (*_Nonnull CreateTensorWithDataAsOrtValue)(const OrtMemoryInfo *_Nonnull info,
                                                  void *_Nonnull data, size_t byteCount,
                                                  const int64_t *_Nullable shape, size_t rank,
                                                  int elementType,
                                                  OrtValue *_Nullable *_Nonnull out);  // 49
    void *_Nullable _pad50[1];                                                         // 50
    OrtStatus *_Nullable (*_Nonnull GetTensorMutableData)(OrtValue *_Nonnull value,
                                        void *_Nullable *_Nonnull out);                // 51
    void *_Nullable _pad52[3];                                                         // 52..54
    OrtStatus *_Nullable (*_Nonnull CastTypeInfoToTensorInfo)(const OrtTypeInfo *_Nonnull typeInfo,
                                            const OrtTensorTypeAndShapeInfo *_Nullable *_Nonnull out); // 55
    void *_Nullable _pad56[4];                                                         // 56..59
    OrtStatus *_Nullable (*_Nonnull GetTensorElementType)(const OrtTensorTypeAndShapeInfo *_Nonnull info,
                                        int *_Nonnull out);                            // 60
    OrtStatus *_Nullable (*_Nonnull GetDimensionsCount)(const OrtTensorTypeAndShapeInfo *_Nonnull info,
                                      size_t *_Nonnull out);                           // 61
    OrtStatus *_Nullable (*_Nonnull GetDimensions)(const OrtTensorTypeAndShapeInfo *_Nonnull info,
                                 int64_t *_Nonnull dims, size_t count);                // 62
    void *_Nullable _pad63[2];                                                         // 63..64
    OrtStatus *_Nullable (*_Nonnull GetTensorTypeAndShape)(const OrtValue *_Nonnull value,
                                         OrtTensorTypeAndShapeInfo *_Nullable *_Nonnull out); // 65
    void *_Nullable _pad66[3];                                                         // 66..68
    OrtStatus *_Nullable (*_Nonnull CreateCpuMemoryInfo)(int allocatorType, int memType,
                                       OrtMemoryInfo *_Nullable *_Nonnull out);        // 69
    void *_Nullable _pad70[6];                                                         // 70..75
    OrtStatus *_Nullable (*_Nonnull AllocatorFree)(OrtAllocator *_Nonnull allocator, void *_Nullable p); // 76
    void *_Nullable _pad77[1];                                                         // 77
    OrtStatus *_Nullable (*_Nonnull GetAllocatorWithDefaultOptions)(OrtAllocator *_Nullable *_Nonnull out); // 78
    void *_Nullable _pad79[13];                                                        // 79..91
    SG_ORT_RELEASE(OrtEnv);                                                            // 92
    SG_ORT_RELEASE(OrtStatus);                                                         // 93
    SG_ORT_RELEASE(OrtMemoryInfo);                                                     // 94
    SG_ORT_RELEASE(OrtSession);                                                        // 95
    SG_ORT_RELEASE(OrtValue);                                                          // 96
    SG_ORT_RELEASE(OrtRunOptions);                                                     // 97
    SG_ORT_RELEASE(OrtTypeInfo);                                                       // 98
    SG_ORT_RELEASE(OrtTensorTypeAndShapeInfo);                                         // 99
    SG_ORT_RELEASE(OrtSessionOptions);                                                 // 100
} SGOrtApi;

/// `OrtApiBase`: the one symbol the library exports (`OrtGetApiBase`) returns this.
typedef struct SGOrtApiBase {
    const SGOrtApi *_Nullable (*_Nonnull GetApi)(uint32_t version); // 0
    const char *_Nonnull (*_Nonnull GetVersionString)(void);        // 1
} SGOrtApiBase;

/// The type of `OrtGetApiBase`, for the pointer `dlsym` returns.
typedef const SGOrtApiBase *_Nullable (*SGOrtGetApiBaseFunction)(void);

/// Calls `OrtGetApiBase` through the pointer `dlsym` returned (Swift cannot cast a raw pointer to
/// a C function type without `unsafeBitCast`, which this keeps out of Swift code).
const SGOrtApiBase *_Nullable sg_ort_api_base(void *_Nonnull getApiBaseSymbol);

#endif
