#include "COnnxRuntime.h"

// Pins every entry of the project's `OrtApi` declaration to its position in ONNX Runtime's table
// (positions verified against the official onnxruntime_c_api.h and by calling each entry).
#define SG_PIN(field, index) \
    _Static_assert(offsetof(SGOrtApi, field) == (index) * sizeof(void *), #field " is not at " #index)

SG_PIN(GetErrorCode, 1);
SG_PIN(GetErrorMessage, 2);
SG_PIN(CreateEnv, 3);
SG_PIN(CreateSession, 7);
SG_PIN(Run, 9);
SG_PIN(CreateSessionOptions, 10);
SG_PIN(SetSessionGraphOptimizationLevel, 23);
SG_PIN(SetIntraOpNumThreads, 24);
SG_PIN(SetInterOpNumThreads, 25);
SG_PIN(SessionGetInputCount, 30);
SG_PIN(SessionGetOutputCount, 31);
SG_PIN(SessionGetInputTypeInfo, 33);
SG_PIN(SessionGetOutputTypeInfo, 34);
SG_PIN(SessionGetInputName, 36);
SG_PIN(SessionGetOutputName, 37);
SG_PIN(CreateTensorWithDataAsOrtValue, 49);
SG_PIN(GetTensorMutableData, 51);
SG_PIN(CastTypeInfoToTensorInfo, 55);
SG_PIN(GetTensorElementType, 60);
SG_PIN(GetDimensionsCount, 61);
SG_PIN(GetDimensions, 62);
SG_PIN(GetTensorTypeAndShape, 65);
SG_PIN(CreateCpuMemoryInfo, 69);
SG_PIN(AllocatorFree, 76);
SG_PIN(GetAllocatorWithDefaultOptions, 78);
SG_PIN(ReleaseOrtEnv, 92);
SG_PIN(ReleaseOrtStatus, 93);
SG_PIN(ReleaseOrtMemoryInfo, 94);
SG_PIN(ReleaseOrtSession, 95);
SG_PIN(ReleaseOrtValue, 96);
SG_PIN(ReleaseOrtRunOptions, 97);
SG_PIN(ReleaseOrtTypeInfo, 98);
SG_PIN(ReleaseOrtTensorTypeAndShapeInfo, 99);
SG_PIN(ReleaseOrtSessionOptions, 100);
_Static_assert(sizeof(SGOrtApi) == 101 * sizeof(void *), "SGOrtApi ends after entry 100");
_Static_assert(offsetof(SGOrtApiBase, GetVersionString) == sizeof(void *), "GetVersionString is entry 1");

const SGOrtApiBase *sg_ort_api_base(void *getApiBaseSymbol) {
    return ((SGOrtGetApiBaseFunction)getApiBaseSymbol)();
}
