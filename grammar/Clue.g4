// Clue.g4: the grammar of clue constitutions (see docs/language.md).
//
// Keywords are reserved and lower case. Long texts are written as adjacent string literals,
// which concatenate with nothing in between ("a long " "text"). Comments run from '#' to the
// end of the line and sit on the hidden channel, where `clue fmt` and lint suppressions find
// them. Severity names and predicate option names are plain identifiers, checked by sema, so
// that a typo gets a precise message instead of a syntax error.
grammar Clue;

file
    : header? item* EOF
    ;

header
    : CONSTITUTION name=STRING headerClause*
    ;

headerClause
    : VERSION STRING        # versionClause
    | DESCRIPTION text      # descriptionClause
    | JUDGES IDENT          # judgesClause
    ;

item
    : importDecl
    | predicateDecl
    | categoryDecl
    | ruleDecl
    | testDecl
    | scoreDecl
    ;

importDecl
    : IMPORT STRING
    ;

predicateDecl
    : PREDICATE IDENT ':' text predicateOption*
    ;

predicateOption
    : IDENT (STRING | NUMBER)
    ;

categoryDecl
    : CATEGORY IDENT text? '{' ruleDecl* '}'
    ;

ruleDecl
    : RULE IDENT text ruleClause*
    ;

ruleClause
    : SEVERITY IDENT                # severityClause
    | WHEN formula                  # whenClause
    | UNLESS formula                # unlessClause
    | TAGS IDENT (',' IDENT)*       # tagsClause
    ;

formula
    : conjunction (OR conjunction)*
    ;

conjunction
    : negation (AND negation)*
    ;

negation
    : NOT negation                  # notFormula
    | atom                          # atomFormula
    ;

atom
    : IDENT                         # refAtom
    | text                          # inlineAtom
    | TRUE                          # trueAtom
    | FALSE                         # falseAtom
    | '(' formula ')'               # parenAtom
    ;

testDecl
    : TEST STRING '{' testStmt* '}'
    ;

testStmt
    : GIVEN givenItem (',' givenItem)*   # givenStmt
    | EXPECT expectation                 # expectStmt
    ;

givenItem
    : NOT? (IDENT | text)
    ;

expectation
    : SAFE                          # expectSafe
    | UNSAFE                        # expectUnsafe
    | VIOLATES IDENT                # expectViolates
    | NOT VIOLATES IDENT            # expectNotViolates
    ;

// The 0-3 scale of a response constitution: the first entry whose outcome holds gives the score.
scoreDecl
    : SCORE '{' scoreEntry* '}'
    ;

scoreEntry
    : NUMBER WHEN scoreOutcome
    ;

scoreOutcome
    : SAFE                          # safeOutcome
    | UNSAFE                        # unsafeOutcome
    | SEVERITY IDENT                # severityOutcome
    | VIOLATES IDENT                # violatesOutcome
    ;

text
    : STRING+
    ;

// Keywords.
CONSTITUTION : 'constitution' ;
VERSION      : 'version' ;
DESCRIPTION  : 'description' ;
IMPORT       : 'import' ;
PREDICATE    : 'predicate' ;
CATEGORY     : 'category' ;
RULE         : 'rule' ;
SEVERITY     : 'severity' ;
WHEN         : 'when' ;
UNLESS       : 'unless' ;
TAGS         : 'tags' ;
JUDGES       : 'judges' ;
SCORE        : 'score' ;
TEST         : 'test' ;
GIVEN        : 'given' ;
EXPECT       : 'expect' ;
SAFE         : 'safe' ;
UNSAFE       : 'unsafe' ;
VIOLATES     : 'violates' ;
NOT          : 'not' ;
AND          : 'and' ;
OR           : 'or' ;
TRUE         : 'true' ;
FALSE        : 'false' ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACE : '{' ;
RBRACE : '}' ;
COLON  : ':' ;
COMMA  : ',' ;

IDENT  : [a-zA-Z_] [a-zA-Z0-9_-]* ;
NUMBER : '-'? [0-9]+ ('.' [0-9]+)? ;
STRING : '"' (ESCAPE | ~["\\\r\n])* '"' ;

// A string that reaches the end of its line without a closing quote. It is its own token so
// that the front end can say "unterminated string" at the opening quote.
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])* ;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;
WS      : [ \t\r\n\f]+ -> skip ;

// Any other character; the front end reports it as a stray character.
STRAY_CHAR : . ;

fragment ESCAPE : '\\' . ;
