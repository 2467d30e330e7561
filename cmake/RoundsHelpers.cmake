# Shared build settings and the two helpers every module and test uses.

add_library(rounds_build_flags INTERFACE)
target_compile_definitions(rounds_build_flags INTERFACE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER QT_STRICT_ITERATORS)
target_compile_options(rounds_build_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
if(ROUNDS_WERROR)
    target_compile_options(rounds_build_flags INTERFACE -Werror)
endif()
if(ROUNDS_SANITIZE)
    target_compile_options(rounds_build_flags INTERFACE -fsanitize=address,undefined
        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(rounds_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# rounds_add_module(<name> DEPS <targets...>)
# Builds src/<name>/ as the static library rounds_<name>. Only the listed DEPS are
# linked, so an include that breaks DESIGN.md's layering fails to build.
function(rounds_add_module name)
    cmake_parse_arguments(ARG "" "" "DEPS;PRIVATE_DEPS" ${ARGN})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
        "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
    add_library(rounds_${name} STATIC ${sources})
    add_library(Rounds::${name} ALIAS rounds_${name})
    target_include_directories(rounds_${name} PUBLIC "${PROJECT_SOURCE_DIR}/src")
    target_link_libraries(rounds_${name} PUBLIC ${ARG_DEPS} PRIVATE rounds_build_flags
        ${ARG_PRIVATE_DEPS})
endfunction()

# rounds_add_tests(<module> LIBS <targets...>)
# One Qt Test executable per tests/<module>/tst_*.cpp, registered with CTest.
function(rounds_add_tests module)
    cmake_parse_arguments(ARG "" "" "LIBS;LABELS;FIXTURES;ENVIRONMENT" ${ARGN})
    file(GLOB test_sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/tst_*.cpp")
    foreach(src IN LISTS test_sources)
        get_filename_component(test_name "${src}" NAME_WE)
        set(target "${module}_${test_name}")
        add_executable(${target} "${src}")
        target_link_libraries(${target} PRIVATE Qt6::Test rounds_test_support ${ARG_LIBS}
            rounds_build_flags)
        add_test(NAME "${module}/${test_name}" COMMAND ${target})
        set_tests_properties("${module}/${test_name}" PROPERTIES
            LABELS "${module};${ARG_LABELS}" TIMEOUT 120
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_FORCE_STDERR_LOGGING=1;${ARG_ENVIRONMENT}")
        if(ARG_FIXTURES)
            set_tests_properties("${module}/${test_name}" PROPERTIES
                FIXTURES_REQUIRED "${ARG_FIXTURES}")
        endif()
    endforeach()
endfunction()
