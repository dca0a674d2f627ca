package org.rollcall.bulk;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.rollcall.auth.CurrentActor;

/** The bulk actions the users list and a class page offer to the person viewing them ({@code inject:bulkOffer.actions}). */
@Named("bulkOffer")
@RequestScoped
public class BulkOffer {

    @Inject
    CurrentActor actor;

    public List<BulkAction> actions() {
        return BulkAction.offeredTo(actor.get());
    }
}
