/** A tiny expression grammar. */
grammar Expr;
options { language = Java; }
@header { package demo; }
prog : stat+ EOF ;
stat : expr NEWLINE          # printExpr
     | ID '=' e=expr NEWLINE # assign
     ;
expr : expr op=('*'|'/') expr | INT | ID | '(' expr ')' ;
ID   : [a-zA-Z]+ ;
INT  : [0-9]+ ;
fragment ESC : '\\' [btnr"\\] ;
WS   : [ \t\r]+ -> skip ; // whitespace
NEWLINE : '\r'? '\n' ;
