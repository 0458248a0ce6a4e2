package id.sopflow.web;

/** Where a paged list is: page {@code page} of {@code pages}, and the addresses of the pages before and after (or null). */
record Paging(int page, int pages, String previous, String next) {

    /** @param base the list's address with its filters (query parameters already encoded); {@code halaman} is set */
    static Paging of(int page, int pages, String base) {
        return new Paging(page, pages, page > 1 ? at(base, page - 1) : null, page < pages ? at(base, page + 1) : null);
    }

    private static String at(String base, int page) {
        String without = base.replaceAll("([?&])halaman=\\d*&?", "$1").replaceAll("[?&]$", "");
        return without + (without.contains("?") ? "&" : "?") + "halaman=" + page;
    }
}
