package org.bossa.dcerpc;

import java.util.List;

/** p_cont_elem_t (C706 12.6.3.1): context id, the abstract syntax, the proposed transfer syntaxes. */
public record PresentationContext(int contextId, SyntaxId abstractSyntax, List<SyntaxId> transferSyntaxes) {
    public PresentationContext {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
