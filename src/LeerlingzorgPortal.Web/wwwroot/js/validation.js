// Client-side checks of the form's rules (ADR 0041), after jquery.validate.unobtrusive.
(function ($) {
    "use strict";

    // Messages are text, never markup; a field with an error is marked as invalid for screen readers too.
    // Not checked when focus leaves a field: a message vanishing there moves the buttons under the pointer,
    // and the click on "Indienen" would be lost. Checked on posting, and while typing in a field marked wrong.
    $.validator.setDefaults({
        escapeHtml: true,
        onfocusout: false,
        highlight: function (element, errorClass, validClass) {
            $(element).addClass(errorClass).removeClass(validClass).attr("aria-invalid", "true");
        },
        unhighlight: function (element, errorClass, validClass) {
            $(element).removeClass(errorClass).addClass(validClass).removeAttr("aria-invalid");
        }
    });

    // Every field already has its message element (<span id="Field-error">, named by the field's
    // aria-describedby), where the server writes its message. jQuery Validate would add a second element with
    // the same id inside it; given the error class, the existing element is the one it writes into.
    $(function () {
        $("[data-valmsg-for]").addClass($.validator.unobtrusive.options && $.validator.unobtrusive.options.errorClass || "input-validation-error");
    });
}(jQuery));
