// SPDX-License-Identifier: EUPL-1.2
// Fusion adaptations so that X3 can fill the multi-member AST nodes from sequence attributes.
// Single-member nodes (variables, lists, strings) are filled by semantic actions instead: X3's
// single-element-sequence collapsing makes adapting those fragile.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "rules/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(ww::ast::operation, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::unary, op, rhs)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::postfix, base, suffixes)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::call, name, args)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::slot_constraint, slot, op, value)
BOOST_FUSION_ADAPT_STRUCT(ww::ast::pattern, tmpl, slots)
